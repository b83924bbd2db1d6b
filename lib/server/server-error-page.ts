import type { IncomingMessage } from "node:http";

// Next.js renders app/error.tsx in the browser only (React error boundaries do not run on the
// server), so a reader who loads a failing page directly, with scripts off, would get an empty
// document. For such loads the server sends app/server-error instead, without its scripts (it needs
// none, and must not hydrate under another address), still with status 500.

export const SERVER_ERROR_PATH = "/server-error";
/** The retry link's address in app/server-error, replaced by the address the reader asked for. */
export const RETRY_HREF = `${SERVER_ERROR_PATH}?retry`;

const escapeAttribute = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** The error page for `url`: scripts removed, the retry link pointing back at `url`. */
export function errorPageFor(html: string, url: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, "")
    .replaceAll(`href="${RETRY_HREF}"`, `href="${escapeAttribute(url)}"`);
}

/** A browser loading a page (not Next's client-side navigation, which renders app/error.tsx itself). */
export function isPageLoad(req: IncomingMessage): boolean {
  return (
    req.method === "GET" &&
    /text\/html/.test(String(req.headers.accept ?? "")) &&
    req.headers.rsc === undefined &&
    req.url !== SERVER_ERROR_PATH
  );
}
