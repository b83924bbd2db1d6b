import { expect, test } from "@playwright/test";

test("a reader searches from the header, narrows by section, and opens a result", async ({ page }) => {
  await page.goto("/articles/2023-jingzhun-zhua-luoshi");
  const box = page.getByRole("search").first().getByRole("searchbox");
  await box.fill("乳胶");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%E4%B9%B3%E8%83%B6$/);
  await expect(page.getByRole("heading", { name: /找到 \d+ 篇报道/ })).toBeVisible();
  // The headline match comes first, its match marked.
  const first = page.locator(".search-hit").first();
  await expect(first.locator(".card-title")).toHaveText("左权天然乳胶产业园 首批生产线投产运行");
  await expect(first.locator(".card-title mark")).toHaveText("乳胶");
  const before = await page.locator(".search-hit").count();
  expect(before).toBeGreaterThan(1);

  // The filters are folded behind 高级搜索.
  await page.getByText("高级搜索").click();
  await page.getByRole("combobox", { name: "版块" }).selectOption({ label: "产业经济" });
  await page.getByRole("button", { name: "搜索", exact: true }).last().click();
  // Only what was filled in reaches the URL (the server drops the empty fields).
  await expect(page).toHaveURL(/\/search\?q=%E4%B9%B3%E8%83%B6&section=industry$/);
  await expect(page.getByRole("heading", { name: "找到 1 篇报道" })).toBeVisible();

  await page
    .locator(".search-hit")
    .first()
    .getByRole("link", { name: /乳胶产业园/ })
    .click();
  await expect(page).toHaveURL(/\/articles\/rujiao-chanyeyuan-touchan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("左权天然乳胶产业园 首批生产线投产运行");
});

test("search by byline alone, empty results and bad input get pages, not errors", async ({ page }) => {
  await page.goto(`/search?author=${encodeURIComponent("李斌")}`);
  await expect(page.getByRole("heading", { name: "找到 1 篇报道" })).toBeVisible();
  await expect(page.getByLabel("作者")).toHaveValue("李斌");

  let res = await page.goto(`/search?q=${encodeURIComponent("不存在的词语组合")}`);
  expect(res!.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "没有找到相关报道" })).toBeVisible();
  await expect(page.getByRole("link", { name: "清除所有条件" })).toBeVisible();

  res = await page.goto("/search?page=abc&from=2022-13-01");
  expect(res!.status()).toBe(200);
  await expect(page.locator(".search-error")).toContainText("page 必须是正整数");
  await expect(page.locator(".search-error")).toContainText("from 必须是 YYYY-MM-DD 格式的有效日期");

  for (const q of ["%E4%B9", '"NEAR(', "%27%20OR%201%3D1%20--", "%F0%9F%8E%88"]) {
    res = await page.goto(`/search?q=${q}`);
    expect(res!.status(), q).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("the search form works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("search").first().getByRole("searchbox").fill("网格员");
  await page.getByRole("search").first().getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { name: /找到 \d+ 篇报道/ })).toBeVisible();
  await context.close();
});
