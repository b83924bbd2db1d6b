import { writeFileSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_IMAGE } from "../helpers/e2e-content";

// Lead images: next/image with alt, caption, credit and a responsive srcset; the optimized URL answers 200;
// /media serves only images that a visible article names, with their type and long cache headers.

const ARTICLE = `/articles/${E2E_IMAGE.slug}`;
const MEDIA = `/media/${E2E_IMAGE.issue}/${E2E_IMAGE.file}`;

test("an article's lead image renders through next/image with alt, caption and credit", async ({ page, request }) => {
  await page.goto(ARTICLE);
  const figure = page.locator("figure.lead-image");
  await expect(figure).toBeVisible();
  const img = figure.getByRole("img", { name: E2E_IMAGE.alt });
  await expect(img).toBeVisible();
  await expect(figure.locator("figcaption .caption")).toHaveText(E2E_IMAGE.caption);
  await expect(figure.locator("figcaption .credit")).toHaveText(E2E_IMAGE.credit);

  // next/image: an optimized src, a srcset of widths, the sizes of the text column, intrinsic width and height (no layout shift).
  const attrs = await img.evaluate((el: HTMLImageElement) => ({
    src: el.getAttribute("src"),
    srcset: el.getAttribute("srcset"),
    sizes: el.getAttribute("sizes"),
    width: el.getAttribute("width"),
    height: el.getAttribute("height"),
    currentSrc: el.currentSrc,
    naturalWidth: el.naturalWidth,
    complete: el.complete,
  }));
  expect(attrs.src).toMatch(/^\/_next\/image\?url=/);
  expect(attrs.src).toContain(encodeURIComponent(MEDIA));
  expect(attrs.srcset).toMatch(/\/_next\/image\?url=%2Fmedia%2F.+ 360w/);
  expect(attrs.srcset).toMatch(/ 1280w/);
  expect(attrs.sizes).toBe("(min-width: 42rem) 40rem, calc(100vw - 2rem)");
  expect([attrs.width, attrs.height]).toEqual([String(E2E_IMAGE.width), String(E2E_IMAGE.height)]);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);

  // The optimized image the browser chose answers 200 as WebP.
  const chosen = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
  expect(chosen).toContain("/_next/image?url=");
  const optimized = await request.get(chosen, {
    headers: { accept: "image/avif,image/webp,image/apng,image/*,*/*;q=0.8" },
  });
  expect(optimized.status()).toBe(200);
  expect(optimized.headers()["content-type"]).toBe("image/webp");
  for (const candidate of attrs.srcset!.split(", ").map((c) => c.split(" ")[0]!)) {
    expect((await request.get(candidate)).status(), candidate).toBe(200);
  }

  // The article without a photo has no figure.
  await page.goto("/articles/jinyu-shuini-chuangxin");
  await expect(page.locator("figure.lead-image")).toHaveCount(0);
});

test("/media serves only the images that visible articles name, with their type and long cache headers", async ({
  request,
}) => {
  const original = await request.get(MEDIA);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-type"]).toBe("image/png");
  expect(original.headers()["cache-control"]).toContain("max-age=31536000");
  const body = await original.body();
  expect(body.subarray(1, 4).toString()).toBe("PNG");

  // A file in the folder that no article names is not served, nor anything outside the folder, nor another issue's name.
  const stray = `tests/.tmp/e2e-content/issues/${E2E_IMAGE.issue}/stray.png`;
  writeFileSync(stray, body);
  try {
    for (const path of [
      `/media/${E2E_IMAGE.issue}/stray.png`,
      `/media/${E2E_IMAGE.issue}/missing.png`,
      `/media/2022-12-20/${E2E_IMAGE.file}`,
      `/media/${E2E_IMAGE.issue}/..%2F..%2Fsections.yaml`,
      `/media/${E2E_IMAGE.issue}/issue.yaml`,
      `/media/..%2F${E2E_IMAGE.issue}/${E2E_IMAGE.file}`,
    ]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  } finally {
    rmSync(stray, { force: true });
  }
  // The image optimizer takes only /media/** images.
  expect((await request.get(`/_next/image?url=${encodeURIComponent("/favicon.ico")}&w=640&q=75`)).status()).toBe(400);
});
