import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PAGE_KINDS } from "../helpers/reader-pages";

// Accessibility of every page kind: axe-core (WCAG 2.0–2.2 A and AA, plus its best practices) finds
// no serious or critical violation; landmarks, one h1 and no skipped heading levels; alt on every image;
// and the keyboard: the skip link comes first, shows itself, and moves focus into <main>.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
}

for (const { kind, path } of PAGE_KINDS) {
  test(`${kind} (${decodeURIComponent(path)}): no serious or critical axe violation, landmarks, headings and alt text`, async ({
    page,
  }) => {
    const res = await page.goto(path);
    expect(res!.status()).toBe(kind === "not-found" ? 404 : 200);
    expect(await seriousViolations(page), "axe violations").toEqual([]);

    // The same at a phone's width and with the largest text.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole("button", { name: "大号字" }).click();
    expect(await seriousViolations(page), "axe violations at 360 px, large text").toEqual([]);
    await page.getByRole("button", { name: "中号字" }).click();
    // …and in 长辈模式, at a phone's width and on a desktop.
    await page.getByRole("button", { name: "长辈模式" }).click();
    expect(await seriousViolations(page), "axe violations at 360 px, 长辈模式").toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(page), "axe violations at 1440 px, 长辈模式").toEqual([]);
    await page.getByRole("button", { name: "长辈模式" }).click();

    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "版块" })).toBeVisible();

    const levels = await page
      .locator("h1, h2, h3, h4, h5, h6")
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(
      levels.filter((l) => l === 1),
      "exactly one h1",
    ).toHaveLength(1);
    expect(levels[0], "the first heading is the h1").toBe(1);
    levels.forEach((level, i) => {
      if (i > 0)
        expect(
          level,
          `heading ${i} (h${level}) skips a level after h${levels[i - 1]}: ${levels.join(",")}`,
        ).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });

    const images = await page
      .locator("img")
      .evaluateAll((imgs) => imgs.map((i) => ({ src: i.getAttribute("src"), alt: i.getAttribute("alt") })));
    for (const img of images) expect(img.alt?.trim(), `alt text of ${img.src}`).toBeTruthy();
  });
}

test("keyboard: Tab from the top reaches the skip link first, it is visible, and it moves focus to the main content", async ({
  page,
}) => {
  for (const path of ["/", "/articles/jinyu-shuini-chuangxin"]) {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到正文" });
    await expect(skip).toBeFocused();
    // Visible while focused: inside the viewport, with a focus outline.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 0, JSON.stringify(box)).toBe(true);
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab goes on from inside <main>, past the header's links.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
  }
});

test("keyboard: every stop in the header shows a visible focus indicator", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab"); // the skip link
  const seen: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        label: `${el.tagName.toLowerCase()} ${el.textContent?.trim() || el.getAttribute("aria-label") || el.getAttribute("placeholder") || ""}`,
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        inHeader: !!el.closest("header.site-header"),
      };
    });
    if (!info || !info.inHeader) break;
    seen.push(info.label);
    expect(info.outline, `focus outline on ${info.label}`).not.toBe("none");
    expect(info.width, `focus outline width on ${info.label}`).toBeGreaterThanOrEqual(2);
  }
  // Masthead, the text-size buttons, the search box and button, and the section links.
  expect(seen.length, seen.join(" | ")).toBeGreaterThanOrEqual(8);
  expect(seen.join(" | ")).toContain("button 大");
});
