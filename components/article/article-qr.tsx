import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/seo/origin";

/**
 * 手机扫码阅读: the article's address as a QR code, made on the server (qrcode's encoder) and drawn as inline SVG
 * (no script, no image request); shown on wide screens only (globals.css).
 */
export function ArticleQr({ path }: { path: string }) {
  const { size, data } = QRCode.create(absoluteUrl(path), { errorCorrectionLevel: "M" }).modules;
  let d = "";
  // One square per dark module, inside a one-module quiet zone.
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x + 1} ${y + 1}h1v1h-1z`;
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
