import type { IncomingHttpHeaders } from "node:http";

// What the production server refuses before Next.js sees a request: methods a route does not
// answer, request bodies where nothing reads one, and request targets that are not a path on
// this site. Each refusal is a short plain-text answer, never a render or a stack trace in the log.

export interface Refusal {
  status: 400 | 405 | 413;
  headers: Record<string, string>;
  body: string;
}

/** The methods each kind of address answers. Pages, feeds, media and Next's assets: GET and HEAD. */
const ROUTE_METHODS: [prefix: string, methods: string[]][] = [
  ["/api/revalidate", ["POST"]],
  ["/api/", ["GET", "HEAD"]],
];
const PAGE_METHODS = ["GET", "HEAD"];

/** Allowed methods of a path. */
export function allowedMethods(path: string): string[] {
  if (!path.startsWith("/api/")) return PAGE_METHODS;
  return ROUTE_METHODS.find(([prefix]) => path === prefix || path.startsWith(prefix))?.[1] ?? PAGE_METHODS;
}

const refuse = (status: Refusal["status"], body: string, headers: Record<string, string> = {}): Refusal => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  body: `${body}\n`,
});

/** The one route that reads a body (an ingest's list of pages to refresh), and how much of one. */
export const BODY_LIMITS: Record<string, number> = { "/api/revalidate": 4 * 2 ** 20 };

/** Whether the request's body is too large for the path: any body where none is read, else past the path's limit. */
function bodyTooLarge(path: string, headers: IncomingHttpHeaders): boolean {
  const limit = BODY_LIMITS[path] ?? 0;
  // A chunked body's length is unknown here: the front stops reading it at the limit.
  if (headers["transfer-encoding"] !== undefined) return limit === 0;
  const length = headers["content-length"];
  return length !== undefined && !(Number(length) <= limit);
}

/**
 * Why a request is refused, or null when it may go on. Only origin-form targets (a path, as a
 * browser sends them) are served: an absolute-form target (`GET http://evil.example/x`) would make
 * Next build redirects to that host, and `*` (OPTIONS *, GET *) names no page.
 */
export function refusal(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): Refusal | null {
  const target = url ?? "";
  if (!target.startsWith("/") || target.startsWith("//")) return refuse(400, "Bad Request: the target must be a path");
  const query = target.indexOf("?");
  const path = query === -1 ? target : target.slice(0, query);
  const allowed = allowedMethods(path);
  if (!allowed.includes(method ?? "")) return refuse(405, "Method Not Allowed", { allow: allowed.join(", ") });
  // Refused before anything is read.
  if (bodyTooLarge(path, headers)) return refuse(413, "Content Too Large");
  return null;
}
