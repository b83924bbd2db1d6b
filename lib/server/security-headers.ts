import { createHash } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";

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

/** The SHA-256 source expressions of a page's inline scripts (those without src), each once. */
export function inlineScriptHashes(html: string): string[] {
  // Scanned with indexOf rather than a regular expression: this runs on every page the server sends.
  const hashes = new Set<string>();
  const lower = html.toLowerCase();
  for (let at = lower.indexOf("<script"); at !== -1; at = lower.indexOf("<script", at)) {
    const open = lower.indexOf(">", at);
    const close = open === -1 ? -1 : lower.indexOf("</script", open);
    if (close === -1) break;
    const tag = lower.slice(at + 7, open);
    // "<scripts" or "<script-x" are other elements; a src attribute makes it a file, not inline.
    if (/^[\s/]|^$/.test(tag) && !/[\s/]src\s*=/.test(tag))
      hashes.add(
        `'sha256-${createHash("sha256")
          .update(html.slice(open + 1, close), "utf8")
          .digest("base64")}'`,
      );
    at = close + 9;
  }
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

/** Policies of pages sent lately, by their bytes' digest: a cached page is sent as the same bytes many times. */
const policies = new LRUCache<string, string>({ max: 512 });

/** The Content-Security-Policy of an HTML response, read from its body (gzipped or not). */
export function pagePolicy(headers: OutgoingHttpHeaders, body: Buffer): string {
  const key = `${String(headers["content-encoding"] ?? "")}:${createHash("sha1").update(body).digest("base64")}`;
  let policy = policies.get(key);
  if (policy === undefined) {
    const html = (headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
    policies.set(key, (policy = contentSecurityPolicy(inlineScriptHashes(html))));
  }
  return policy;
}
