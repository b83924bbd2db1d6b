import { expect, test } from "@playwright/test";
import { E2E_EXTRA } from "../helpers/e2e-content";

test("a reader clicks from the front page to a section, an article, a tag, an author and the issue", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator(".banner")).toHaveText("新时代 新征程 新伟业");
  await expect(page.locator(".lead-story h2")).toHaveText("2023，为左权发展精准抓落实");

  await page.getByRole("navigation", { name: "版块" }).getByRole("link", { name: "产业经济" }).click();
  await expect(page).toHaveURL(/\/sections\/industry$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("产业经济");
  await expect(page.locator(".listing-count")).toHaveText("共 2 篇");

  await page.getByRole("link", { name: "创新引领发展 打造行业标杆" }).click();
  await expect(page).toHaveURL(/\/articles\/jinyu-shuini-chuangxin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("创新引领发展 打造行业标杆");
  await expect(page.locator(".article-header .kicker")).toHaveText("左权金隅水泥有限公司");
  await expect(page.locator(".dateline")).toHaveText("本报讯");
  await expect(page.getByRole("navigation", { name: "当前位置" })).toContainText("产业经济");
  // The displaced tail is back at the end of the story.
  await expect(page.locator(".article-body p").last()).toContainText("贡献金隅力量");
  await expect(page.locator(".article-header .meta")).toContainText("分钟读完");
  await expect(page.getByRole("link", { name: "下一篇 左权天然乳胶产业园 首批生产线投产运行" })).toBeVisible();

  await page.getByRole("link", { name: "党的二十大精神", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/%E5%85%9A%E7%9A%84%E4%BA%8C%E5%8D%81%E5%A4%A7%E7%B2%BE%E7%A5%9E$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("党的二十大精神");
  await expect(page.locator(".listing-count")).toHaveText("共 2 篇");

  await page.getByRole("link", { name: "写好乡村振兴大文章" }).click();
  await page.locator(".article-header").getByRole("link", { name: "景亚萱" }).click();
  await expect(page).toHaveURL(/\/authors\/%E6%99%AF%E4%BA%9A%E8%90%B1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("景亚萱");

  await page.getByRole("link", { name: "写好乡村振兴大文章" }).click();
  // The meta line's date (日期：2022年12月20日) leads to the day's paper.
  await page.locator(".article-header .meta").getByRole("link", { name: "2022年12月20日" }).click();
  await expect(page).toHaveURL(/\/issues\/2022-12-20$/);
  await expect(page.locator(".banner")).toHaveText("新时代 新征程 新伟业");
  await expect(page.locator(".card-title")).toHaveText([
    "2023，为左权发展精准抓落实",
    "在『严管』中彰显『厚爱』",
    "写好乡村振兴大文章",
    "创新引领发展 打造行业标杆",
    "左权天然乳胶产业园 首批生产线投产运行",
  ]);
  // The edition is shown page by page (第1版 要闻), the column heads under the page's heading.
  await expect(page.locator("h3.column-head")).toHaveText(["奋进新征程 建功新时代", "二十大精神在晋中"]);

  await page.getByRole("link", { name: "二十大精神在晋中" }).click();
  await expect(page).toHaveURL(/\/columns\/ershida-jingshen-zai-jinzhong$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("二十大精神在晋中");
});

test("Chinese tags and names work typed into the address bar, linked and paginated", async ({ page, request }) => {
  // Typed: the browser sends the name percent-encoded; both spellings reach the same page.
  const typed = await page.goto(`/tags/${E2E_EXTRA.tag}`);
  expect(typed!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_EXTRA.tag);
  await expect(page.locator(".listing-count")).toHaveText(`共 ${E2E_EXTRA.count + 1} 篇`);
  await expect(page.locator(".page-status")).toHaveText("第 1 / 2 页");

  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${encodeURIComponent(E2E_EXTRA.tag)}/page/2$`));
  await expect(page.locator(".page-status")).toHaveText("第 2 / 2 页");
  await expect(page.locator(".article-list > li")).toHaveCount(E2E_EXTRA.count + 1 - 20);
  await page.getByRole("link", { name: "上一页" }).click();
  await expect(page.locator(".page-status")).toHaveText("第 1 / 2 页");

  const author = await page.goto(`/authors/${E2E_EXTRA.author}/page/2`);
  expect(author!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_EXTRA.author);

  // A repeat visit is answered from a cache (the micro-cache's copy or Next.js's ISR entry), not rendered anew.
  for (const path of [`/tags/${encodeURIComponent(E2E_EXTRA.tag)}`, `/authors/${encodeURIComponent("军星")}`]) {
    const first = await request.get(path);
    const again = await request.get(path);
    expect(again.status()).toBe(200);
    const headers = again.headers();
    expect(headers["x-micro-cache"] === "HIT" || headers["x-nextjs-cache"] === "HIT", JSON.stringify(headers)).toBe(
      true,
    );
    expect(await again.text()).toBe(await first.text());
  }
  // /page/1 is the list itself.
  await page.goto(`/tags/${encodeURIComponent(E2E_EXTRA.tag)}/page/1`);
  await expect(page).toHaveURL(new RegExp(`/tags/${encodeURIComponent(E2E_EXTRA.tag)}$`));
});

test("unknown articles, issues, tags, authors and pages get a real 404 page with a way onwards", async ({ page }) => {
  for (const path of [
    "/articles/no-such-story",
    "/issues/1999-01-01",
    "/tags/不存在的标签",
    "/authors/石勇",
    "/sections/sport",
    "/columns/nope",
    `/tags/${E2E_EXTRA.tag}/page/3`,
    "/tags/乡村振兴/page/02",
    "/tags/%zz",
    "/authors/%E4%B9",
  ]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
    await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  }
  await page.getByRole("link", { name: "回到首页" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("pages fit a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/articles/2023-jingzhun-zhua-luoshi", "/issues/2022-12-20", `/tags/${E2E_EXTRA.tag}`]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
