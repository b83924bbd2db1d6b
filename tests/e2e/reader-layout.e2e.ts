import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PAGE_KINDS } from "../helpers/reader-pages";

// Every page kind at a phone's width (360 px) and a wide desktop (1440 px): no horizontal scrolling, the text column
// stays readable, and a full-page screenshot of each is kept (attached to the report and in test-results/screenshots).

const SHOTS = "test-results/screenshots";

for (const width of [360, 1440]) {
  test(`every page kind at ${width} px`, async ({ page }, testInfo) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    for (const { kind, path } of PAGE_KINDS) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${kind} at ${width} px`).toBeLessThanOrEqual(0);
      // Lines of body text stay short enough to read: at most ~45 characters of 1em.
      const measure = await page.evaluate(() => {
        const p = document.querySelector<HTMLElement>(".article-body p, .article-card .excerpt");
        return p ? p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize) : 0;
      });
      expect(measure, `${kind}: characters per line`).toBeLessThanOrEqual(46);
      const file = `${SHOTS}/${kind}-${width}.png`;
      const shot = await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${kind}-${width}.png`, { body: shot, contentType: "image/png" });
    }
  });
}
