import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PRINT_DATE, PRINT_PAGES, PRINT_STORIES } from "../helpers/print-fixture";

// The print edition (数字报) against the e2e site, which holds the fixture issue of three page PDFs
// (tests/helpers/print-fixture.ts) beside the source issue (one page, no PDF) and an older issue.

const PAGE1 = `/issues/${PRINT_DATE}/pages/1`;
const areas = (page: Page) => page.locator("svg.print-areas a");
const pdfPages = (bytes: Buffer) => (bytes.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;

test("a story's area on the page is a link to the story", async ({ page }) => {
  await page.goto(PAGE1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第1版 要闻");
  await expect(page.locator(".print-page-header")).toContainText("责任编辑：刘芳");
  await expect(areas(page)).toHaveCount(3);
  const first = PRINT_STORIES[0]!;
  // The area sits where the fixture put it on the page image.
  const image = (await page.locator(".print-image").boundingBox())!;
  const box = (await page.getByRole("link", { name: first.title }).first().boundingBox())!;
  // (Within a few pixels: the box includes the outline's stroke.)
  expect(Math.abs(box.x - (image.x + first.area.x * image.width))).toBeLessThan(8);
  expect(Math.abs(box.width - first.area.width * image.width)).toBeLessThan(16);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`/articles/${first.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.title);
  // The story says where it ran, and links back to its area, highlighted.
  await page.getByRole("link", { name: "见报：第1版 要闻" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE1}#area-${first.slug}$`));
  expect(await page.evaluate(() => document.querySelector(":target")?.getAttribute("aria-label"))).toBe(first.title);
  const fill = await page.locator(`#area-${first.slug} polygon`).evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
});

test("Tab goes through the areas in print order, each outlined when focused", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(PAGE1);
  await page.screenshot({ path: "test-results/screenshots/print-page-1440.png", fullPage: true });
  await page.getByRole("link", { name: "查看大图" }).focus();
  const names: (string | null)[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    names.push(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null));
    const stroke = await page.locator("svg.print-areas a:focus polygon").evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe("rgb(26, 95, 180)");
  }
  await page.screenshot({ path: "test-results/screenshots/print-page-focus-1440.png" });
  expect(names).toEqual(PRINT_PAGES[0]!.stories.map((s) => s.title));
});

test("the page strip, previous and next page, previous and next issue", async ({ page }) => {
  await page.goto(PAGE1);
  const strip = page.getByRole("navigation", { name: "本期版面" });
  await expect(strip.getByRole("link")).toHaveText(PRINT_PAGES.map((p) => `第${p.number}版 ${p.name}`));
  await expect(strip.getByRole("link", { name: "第1版 要闻" })).toHaveAttribute("aria-current", "page");
  await strip.getByRole("link", { name: "第3版 副刊" }).click();
  await expect(page).toHaveURL(/\/pages\/3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第3版 副刊");
  await page.getByRole("link", { name: "上一版：第2版 综合" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第2版 综合");
  await page.getByRole("link", { name: "下一版：第3版 副刊" }).click();
  await expect(page.locator(".print-nav")).toContainText("已是最后一版");
  // An issue without pages opens at its edition.
  await page.getByRole("link", { name: /^上一期：/ }).click();
  await expect(page).toHaveURL(/\/issues\/2022-06-01$/);
  await page.goto(PAGE1);
  await page.getByRole("link", { name: /^下一期：/ }).click();
  // An issue with pages opens at its first; the source issue's one page has no PDF: a text page, never a picture of one.
  await expect(page).toHaveURL(/\/issues\/2022-12-20\/pages\/1$/);
  await expect(page.locator(".print-note")).toHaveText("本版没有版面图，下面是本版刊登的文章。");
  await expect(page.locator(".print-textpage li")).toHaveCount(5);
  await expect(page.locator("main img")).toHaveCount(0);
});

test("the edition shows its pages in order, each story with its 第N版 link", async ({ page }) => {
  await page.goto(`/issues/${PRINT_DATE}`);
  await expect(page.locator(".print-edition-page-head")).toHaveText(
    PRINT_PAGES.map((p) => `第${p.number}版 ${p.name}`),
  );
  const second = page.locator(".print-edition-page").nth(1);
  await expect(second.locator(".card-title")).toHaveText(PRINT_PAGES[1]!.stories.map((s) => s.title));
  await second.getByRole("link", { name: "见报：第2版 综合" }).last().click();
  const last = PRINT_PAGES[1]!.stories.at(-1)!;
  await expect(page).toHaveURL(new RegExp(`/pages/2#area-${last.slug}$`));
});

test("the downloads are PDFs of one page and of the whole issue, cached for good", async ({ page }) => {
  await page.goto(PAGE1);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载本版 PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`左权报-${PRINT_DATE}-第1版.pdf`);
  const one = readFileSync(await download.path());
  expect(one.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdfPages(one)).toBe(1);
  const whole = page.getByRole("link", { name: "下载本期 PDF（共 3 版）" });
  const response = await page.request.get((await whole.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(pdfPages(await response.body())).toBe(3);
  const image = await page.request.get((await page.locator(".print-strip img").first().getAttribute("src"))!);
  expect(image.headers()["content-type"]).toBe("image/webp");
  expect((await page.request.get("/print/" + "0".repeat(64) + "/page.pdf")).status()).toBe(404);
});

test("the archive's calendar goes across months and years", async ({ page }) => {
  await page.goto("/issues");
  const calendar = page.locator(".issue-calendar");
  await expect(calendar.getByRole("heading")).toHaveText("2022年12月");
  await expect(calendar.locator("td a")).toHaveText(["20"]);
  await expect(page.locator(".issue-archive li")).toHaveCount(3);
  await calendar.getByRole("link", { name: "‹ 11月" }).click();
  await expect(page).toHaveURL(/\/issues\/months\/2022-11$/);
  await expect(calendar.locator("td a")).toHaveText(["15"]);
  await calendar.getByRole("link", { name: "« 2021年" }).click();
  await expect(calendar.getByRole("heading")).toHaveText("2021年11月");
  await expect(calendar.locator("td a")).toHaveCount(0);
  await calendar.getByRole("link", { name: "2022年 »" }).click();
  await calendar.getByRole("link", { name: "12月 ›" }).click();
  await calendar.getByRole("link", { name: "1月 ›" }).click();
  await expect(calendar.getByRole("heading")).toHaveText("2023年1月");
  await calendar.getByRole("link", { name: "‹ 12月" }).click();
  await calendar.getByRole("link", { name: "12月20日的报纸" }).click();
  await expect(page).toHaveURL(/\/issues\/2022-12-20$/);
  expect((await page.goto("/issues/months/2022-13"))!.status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  test("the page fits, and zooms inside its own box", async ({ page }) => {
    await page.goto(PAGE1);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screenshots/print-page-360.png", fullPage: true });
    const before = (await page.locator(".print-canvas").boundingBox())!.width;
    await page.getByText("放大版面").click();
    const after = (await page.locator(".print-canvas").boundingBox())!.width;
    expect(after).toBeGreaterThan(before * 2);
    const scroller = page.locator(".print-scroller");
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    // A phone's screen (3 device pixels to the CSS pixel) gets the 1600 px rendering, sharp when zoomed.
    const src = await page.locator(".print-image").evaluate((img) => (img as HTMLImageElement).currentSrc);
    expect(src).toMatch(/w1600\.(avif|webp)$/);
    // Areas still lead to their stories.
    await areas(page).nth(1).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${PRINT_STORIES[1]!.slug}$`));
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("areas, zoom, page strip and calendar all work", async ({ page }) => {
    await page.goto(PAGE1);
    await page.getByText("放大版面").click();
    expect((await page.locator(".print-canvas").boundingBox())!.width).toBeGreaterThan(1000);
    await page.getByRole("navigation", { name: "本期版面" }).getByRole("link", { name: "第2版 综合" }).click();
    await expect(page).toHaveURL(/\/pages\/2$/);
    await page.getByRole("link", { name: PRINT_PAGES[1]!.stories[0]!.title }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PRINT_PAGES[1]!.stories[0]!.title);
    await page.goto("/issues/months/2022-11");
    await page.getByRole("link", { name: "11月15日的报纸" }).click();
    await expect(page).toHaveURL(new RegExp(`/issues/${PRINT_DATE}$`));
  });
});

test("axe finds nothing serious on the page view, the text page and the calendar", async ({ page }) => {
  for (const path of [PAGE1, "/issues/2022-12-20/pages/1", `/issues/${PRINT_DATE}`, "/issues/months/2022-11"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, path).toEqual([]);
  }
});
