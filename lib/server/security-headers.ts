import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";

// Headers every response carries, and the Content-Security-Policy of pages. Pages are statically
// cached, so the policy cannot use a per-request nonce: it lists the hash of each inline script
// the page holds (Next's flight data, the text size's first-paint script), computed from the
// page's own HTML when the server sends it, and 'self' for script files.

export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  // Old browsers' counterpart of frame-ancestors 'none'.
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  // Nothing on the site uses these; a page (or something injected into one) may not ask.
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
  "cross-origin-opener-policy": "same-origin",
};

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The SHA-256 source expressions of a page's inline scripts, each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, body] of html.matchAll(INLINE_SCRIPT))
    hashes.add(`'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`);
  return [...hashes];
}

/** The policy of a page whose inline scripts hash to `hashes`. */
export function contentSecurityPolicy(hashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trim(),
    // React and next/image set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The Content-Security-Policy of an HTML response, read from its body (gzipped or not). */
export function pagePolicy(headers: OutgoingHttpHeaders, body: Buffer): string {
  const html = (headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
  return contentSecurityPolicy(inlineScriptHashes(html));
}
