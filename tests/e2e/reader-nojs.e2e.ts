import { expect, test } from "@playwright/test";
import { E2E_EXTRA, E2E_IMAGE } from "../helpers/e2e-content";

// Every page reads without JavaScript: the pages are server-rendered HTML with plain links and GET forms.
test.use({ javaScriptEnabled: false });

test("front page, article, tag page and the search form work with JavaScript disabled", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".lead-story h2")).toHaveText("2023，为左权发展精准抓落实");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  // The text-size control needs scripts, so without them it is not offered.
  await expect(page.locator(".text-size")).toBeHidden();
  await expect(page.getByRole("button", { name: "长辈模式" })).toBeHidden();

  // (The side rail's 本期目录 links it too.)
  await page.locator(".front-main").getByRole("link", { name: "创新引领发展 打造行业标杆" }).click();
  await expect(page).toHaveURL(/\/articles\/jinyu-shuini-chuangxin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("创新引领发展 打造行业标杆");
  await expect(page.locator(".article-body p").last()).toContainText("贡献金隅力量");
  await expect(page.locator(".article-header .meta")).toContainText("分钟读完");

  await page.getByRole("link", { name: "党的二十大精神", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("党的二十大精神");
  await expect(page.locator(".listing-count")).toHaveText("共 2 篇");

  await page.goto(`/tags/${encodeURIComponent(E2E_EXTRA.tag)}`);
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page.locator(".page-status")).toHaveText("第 2 / 2 页");

  await page.getByRole("search").first().getByRole("searchbox").fill("乳胶");
  await page.getByRole("search").first().getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E4%B9%B3%E8%83%B6$/);
  await expect(page.getByRole("heading", { name: /找到 \d+ 篇报道/ })).toBeVisible();
  // The full form's filters, folded behind 高级搜索 (a <details>: it opens without scripts), submit too,
  // and the server drops the empty fields from the URL.
  await page.getByText("高级搜索").click();
  await page.getByRole("combobox", { name: "版块" }).selectOption({ label: "产业经济" });
  await page.getByRole("button", { name: "搜索", exact: true }).last().click();
  await expect(page).toHaveURL(/\/search\?q=%E4%B9%B3%E8%83%B6&section=industry$/);
  await expect(page.getByRole("heading", { name: "找到 1 篇报道" })).toBeVisible();
});

test("a lead image shows without JavaScript", async ({ page }) => {
  await page.goto(`/articles/${E2E_IMAGE.slug}`);
  const img = page.getByRole("img", { name: E2E_IMAGE.alt });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
});
