import jsQR from "jsqr";
import QRCode from "qrcode";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleQr, qrPath } from "@/components/article/article-qr";
import { absoluteUrl } from "@/lib/seo/origin";

// 手机扫码阅读: the code drawn on an article page must scan as the article's address.

/** Draws an SVG path of rectangles (as qrPath writes them) on white, `scale` pixels a module, and reads it as a QR code. */
function scan(viewBox: number, d: string, scale = 4): string | null {
  const side = viewBox * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  // Nothing else in the path: every command was read.
  expect(runs.map((m) => m[0]).join("")).toBe(d);
  for (const [, x, y, w, back] of runs) {
    expect(back).toBe(w);
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++)
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++)
        pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

describe("an article's QR code", () => {
  it("scans as the article's address, drawn by the page's component", () => {
    const path = "/articles/rujiao-chanyeyuan-touchan";
    const html = renderToStaticMarkup(createElement(ArticleQr, { path }));
    const viewBox = Number(/viewBox="0 0 (\d+) \1"/.exec(html)![1]);
    const d = / d="([^"]+)"/.exec(html)![1]!;
    expect(scan(viewBox, d)).toBe(absoluteUrl(path));
  });

  it("draws every dark module once, as runs: shorter than a square per module", () => {
    for (const url of ["http://localhost:3000/articles/a", `https://www.zuoquan.example/articles/${"x".repeat(120)}`]) {
      const { size, data } = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
      const d = qrPath(size, data);
      expect(scan(size + 2, d)).toBe(url);
      const dark = Array.from(data).filter(Boolean).length;
      expect(d.length).toBeLessThan(0.6 * dark * "M10 10h1v1h-1z".length);
    }
  });
});
