import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/seo/origin";

/**
 * 手机扫码阅读: the article's address as a QR code, made on the server (qrcode's encoder) and drawn as inline SVG
 * (no script, no image request); shown on wide screens only (globals.css).
 */
export function ArticleQr({ path }: { path: string }) {
  const { size, data } = QRCode.create(absoluteUrl(path), { errorCorrectionLevel: "M" }).modules;
  const d = qrPath(size, data);
  return (
    <figure className="article-qr">
      <svg
        className="qr-code"
        role="img"
        aria-label="本文网址的二维码"
        viewBox={`0 0 ${size + 2} ${size + 2}`}
        shapeRendering="crispEdges"
      >
        <rect width={size + 2} height={size + 2} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
      <figcaption>手机扫码阅读</figcaption>
    </figure>
  );
}

/**
 * The dark modules of a QR code (`size` × `size`, row by row) as one SVG path inside a one-module
 * quiet zone: a rectangle per run of dark modules in a row. A square per module made the path
 * 7.7 KB, sent twice in each article page (its HTML and React's payload); runs halve it.
 */
export function qrPath(size: number, data: ArrayLike<number | boolean>): string {
  let d = "";
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x]) continue;
      const start = x;
      while (x + 1 < size && data[y * size + x + 1]) x++;
      const run = x - start + 1;
      d += `M${start + 1} ${y + 1}h${run}v1h-${run}z`;
    }
  return d;
}
