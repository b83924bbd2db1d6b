import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/seo/origin";

/**
 * 手机扫码阅读: the article's address as a QR code, drawn on the server as SVG (no script, no image request),
 * shown on wide screens only (globals.css).
 */
export async function ArticleQr({ path }: { path: string }) {
  const svg = await QRCode.toString(absoluteUrl(path), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <figure className="article-qr">
      <div className="qr-code" role="img" aria-label="本文网址的二维码" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>手机扫码阅读</figcaption>
    </figure>
  );
}
