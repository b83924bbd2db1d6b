import { expect, test } from "@playwright/test";

// Error pages: a 404 and a 500 each keep the site's header and offer a way onwards; no error message
// or stack trace reaches the reader. /error-probe fails on purpose on the e2e server (ERROR_PROBE=1).

const PROBE_MESSAGE = "error probe";

test("a page that fails to render answers 500 with the site's header, a retry and links onwards, and no stack trace", async ({ page, request }) => {
  const res = await page.goto("/error-probe");
  expect(res!.status()).toBe(500);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();
  await expect(page.getByRole("link", { name: "左权报" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "重试" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "回到首页" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "搜索报道" })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toContain(PROBE_MESSAGE);
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);

  // Not in the HTML either, nor in the data Next sends along for hydration.
  const html = await (await request.get("/error-probe")).text();
  expect(html).not.toContain(PROBE_MESSAGE);
  expect(html).not.toMatch(/\.tsx?:\d+:\d+|node_modules|webpack-internal/);

  // The retry button renders the page again (it fails again here), and the links lead on.
  await page.getByRole("button", { name: "重试" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示");
  await page.getByRole("main").getByRole("link", { name: "回到首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".lead-story")).toBeVisible();
});

test("without JavaScript a failed page still answers 500 and leaks nothing", async ({ browser }) => {
  // Next.js renders error.tsx in the browser (React error boundaries do not run on the server), so without
  // scripts a reader gets Next's empty error document: the status is right and nothing about the error shows.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const res = await page.goto("/error-probe");
  expect(res!.status()).toBe(500);
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
