import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Error pages: a 404 and a 500 each keep the site's header and offer a way onwards; no error message
// or stack trace reaches the reader. /error-probe fails on purpose on the e2e server (ERROR_PROBE=1).

const PROBE_MESSAGE = "error probe";

test("a page that fails to render answers 500 with the site's header, a retry and links onwards, and no stack trace", async ({
  page,
  request,
}) => {
  const res = await page.goto("/error-probe?from=test");
  expect(res!.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  await expect(page.getByRole("link", { name: "左权报" }).first()).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "回到首页" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "搜索报道" })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toContain(PROBE_MESSAGE);
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);

  // Not in the HTML either, nor in any data sent along.
  const html = await (await request.get("/error-probe", { headers: { accept: "text/html" } })).text();
  expect(html).not.toContain(PROBE_MESSAGE);
  expect(html).not.toMatch(/\.tsx?:\d+:\d+|node_modules|webpack-internal/);

  // Retrying asks for the same address again (it fails again here), and the links lead on.
  await page.getByRole("main").getByRole("link", { name: "重试" }).click();
  await expect(page).toHaveURL(/\/error-probe\?from=test$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await page.getByRole("main").getByRole("link", { name: "回到首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".lead-story")).toBeVisible();
});

test("the failed page is accessible: no serious or critical axe violation, landmarks and one h1", async ({ page }) => {
  await page.goto("/error-probe");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
    [],
  );
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.locator("h1")).toHaveCount(1);
});

test("a page that fails during in-site navigation shows the same notice in place, with a retry button", async ({
  page,
}) => {
  await page.goto("/");
  await page.evaluate(() =>
    (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push("/error-probe"),
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("button", { name: "重试" })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toContain(PROBE_MESSAGE);
});

test("without JavaScript a failed page reads the same: 500, the site's header, the notice and links onwards", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto("/error-probe");
  expect(res!.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "重试" })).toHaveAttribute("href", "/error-probe");
  await page.getByRole("main").getByRole("link", { name: "查看往期报纸" }).click();
  await expect(page).toHaveURL(/\/issues$/);
  expect(await page.content()).not.toContain(PROBE_MESSAGE);
  await context.close();
});

test("a 404 keeps the site's header and offers home, the archive and search", async ({ page }) => {
  const res = await page.goto("/articles/no-such-story");
  expect(res!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到这个页面");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("search")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "搜索报道" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("搜索");
});
