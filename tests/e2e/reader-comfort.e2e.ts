import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PAGE_KINDS } from "../helpers/reader-pages";

// Reading comfort: the 字号 control in the header (小/中/大), remembered across pages and reloads and applied
// before the page's scripts run; no horizontal scrolling at 360 px at any size; and a print stylesheet for articles.

const ARTICLE = "/articles/jinyu-shuini-chuangxin";
const bodySize = (page: Page) =>
  page
    .locator(".article-body p")
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
const rootSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

test("the text-size control changes the font size, and the choice persists across navigation and reload", async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const control = page.getByRole("banner").getByRole("group", { name: "字号" });
  await expect(control).toBeVisible();
  await expect(control.getByRole("button", { name: "中号字" })).toHaveAttribute("aria-pressed", "true");
  const normal = await bodySize(page);

  await control.getByRole("button", { name: "大号字" }).click();
  await expect(control.getByRole("button", { name: "大号字" })).toHaveAttribute("aria-pressed", "true");
  await expect(control.getByRole("button", { name: "中号字" })).toHaveAttribute("aria-pressed", "false");
  expect(await bodySize(page)).toBeCloseTo(normal * 1.25, 0);
  expect(await page.evaluate(() => localStorage.getItem("zq-text-size"))).toBe("l");

  // A client-side navigation keeps it…
  await page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "产业经济" }).click();
  await expect(page).toHaveURL(/\/sections\/industry$/);
  expect(await rootSize(page)).toBe(20);
  await expect(page.getByRole("button", { name: "大号字" })).toHaveAttribute("aria-pressed", "true");
  // …and so do a full page load and a reload.
  await page.goto(ARTICLE);
  expect(await bodySize(page)).toBeCloseTo(normal * 1.25, 0);
  await page.reload();
  expect(await bodySize(page)).toBeCloseTo(normal * 1.25, 0);
  await expect(page.getByRole("button", { name: "大号字" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "小号字" }).click();
  expect(await bodySize(page)).toBeCloseTo(normal * 0.875, 0);
  await page.getByRole("button", { name: "中号字" }).click();
  expect(await bodySize(page)).toBeCloseTo(normal, 1);
  expect(await page.evaluate(() => localStorage.getItem("zq-text-size"))).toBeNull();
});

test("a saved size applies before the page's scripts run: no flash of the default size", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.evaluate(() => localStorage.setItem("zq-text-size", "l"));
  // With Next's scripts blocked, only the inline script in <head> can have set the size.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto(ARTICLE);
  expect(await page.evaluate(() => document.documentElement.getAttribute("data-text-size"))).toBe("l");
  expect(await rootSize(page)).toBe(20);
  // The pressed look comes from CSS, so it is right from the first paint too.
  const large = page.locator('.text-size button[data-size="l"]');
  expect(await large.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe("rgb(255, 255, 255)");
});

test("no horizontal overflow at 360 px at any text size", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  for (const size of ["s", "m", "l"]) {
    await page.evaluate(
      (s) => (s === "m" ? localStorage.removeItem("zq-text-size") : localStorage.setItem("zq-text-size", s)),
      size,
    );
    for (const { kind, path } of PAGE_KINDS) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.getAttribute("data-text-size") ?? "m"), kind).toBe(
        size,
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${kind} at size ${size}`).toBeLessThanOrEqual(0);
      // Nothing sticks out of the page on the right either (scrollWidth can miss overflow: hidden children).
      // The section bar scrolls sideways by design: the bar must fit, the links inside it may run on.
      const widest = await page.evaluate(() =>
        Math.max(
          ...[...document.querySelectorAll("body *")]
            .filter((e) => getComputedStyle(e).position !== "absolute" && !e.parentElement?.closest(".section-nav ul"))
            .map((e) => e.getBoundingClientRect().right),
        ),
      );
      expect(widest, `${kind} at size ${size}: rightmost element edge`).toBeLessThanOrEqual(360.5);
    }
  }
});

test("printing an article leaves out navigation, search, tools and footer, and keeps the byline, date and address", async ({
  page,
}) => {
  await page.goto(ARTICLE);
  await expect(page.locator(".print-url")).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "版块" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "当前位置" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "本期上下篇" })).toBeHidden();
  await expect(page.locator(".header-search")).toBeHidden();
  await expect(page.locator(".text-size")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeHidden();

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".article-header .bylines")).toBeVisible();
  await expect(page.locator(".article-header time").first()).toBeVisible();
  await expect(page.locator(".article-header time").first()).toHaveText(/2022年12月20日/);
  const url = page.locator(".print-url");
  await expect(url).toBeVisible();
  await expect(url).toHaveText(/^本文网址：https?:\/\/[^/]+\/articles\/jinyu-shuini-chuangxin$/);
  await expect(page.locator(".article-body")).toContainText("贡献金隅力量");

  // What the printer gets: a picture of the page as printed, and a PDF of it.
  mkdirSync("test-results/screenshots", { recursive: true });
  const shot = await page.screenshot({ path: "test-results/screenshots/article-print.png", fullPage: true });
  await test.info().attach("article-print.png", { body: shot, contentType: "image/png" });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await test.info().attach("article-print.pdf", { body: pdf, contentType: "application/pdf" });
});
