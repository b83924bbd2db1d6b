import type { IncomingMessage, ServerResponse } from "node:http";

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
function isPageLoad(req: IncomingMessage): boolean {
  return (
    req.method === "GET" &&
    /text\/html/.test(String(req.headers.accept ?? "")) &&
    req.headers.rsc === undefined &&
    req.url !== SERVER_ERROR_PATH
  );
}

/**
 * When Next answers a page load with a 5xx, sends `errorPage()` in its place. Call before Next
 * writes anything; `errorPage` fetches app/server-error (static, so Next serves it from its cache).
 */
export function replaceServerErrors(req: IncomingMessage, res: ServerResponse, errorPage: () => Promise<string>): void {
  if (!isPageLoad(req)) return;
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  let replacing: boolean | null = null;
  const decided = () => (replacing ??= res.statusCode >= 500);
  res.writeHead = (status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    return decided() ? res : writeHead(status, ...rest);
  };
  res.write = ((...args: unknown[]) => (decided() ? true : write(...args))) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    if (!decided()) return end(...args);
    const send = (status: number, type: string, body: string) => {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      writeHead(status, {
        "content-type": type,
        "cache-control": "private, no-store",
        "content-length": Buffer.byteLength(body),
      });
      end(body);
    };
    errorPage().then(
      (html) => send(500, "text/html; charset=utf-8", errorPageFor(html, req.url ?? "/")),
      () => send(500, "text/plain; charset=utf-8", "服务器出错了，请稍后再试。"),
    );
    return res;
  }) as ServerResponse["end"];
}
