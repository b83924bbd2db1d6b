import { z } from "zod";

/**
 * The site's public origin, for every absolute URL the site hands out: feeds,
 * sitemaps, robots.txt, canonical links, Open Graph and JSON-LD. It comes from
 * SITE_ORIGIN, read and validated here and nowhere else.
 */
export const DEFAULT_SITE_ORIGIN = "http://localhost:3000";

const originSchema = z
  .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL, e.g. https://www.zuoquan.example" })
  .transform((s) => new URL(s))
  .refine((u) => (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username && !u.password, {
    message: "must be an origin only (scheme, host and optional port), with no path, query or credentials",
  })
  .transform((u) => u.origin);

let memo: { raw: string | undefined; origin: string } | undefined;

/** Parses an origin the way SITE_ORIGIN is parsed; throws naming the variable when it is not one. */
export function parseSiteOrigin(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_SITE_ORIGIN;
  const parsed = originSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`SITE_ORIGIN ${parsed.error.issues[0]?.message ?? "is invalid"} — got "${value}"`);
  return parsed.data;
}

/** e.g. "https://www.zuoquan.example", without a trailing slash. */
export function siteOrigin(): string {
  const raw = process.env.SITE_ORIGIN;
  if (!memo || memo.raw !== raw) memo = { raw, origin: parseSiteOrigin(raw) };
  return memo.origin;
}

/** The absolute URL of a site path such as "/tags/%E4%B9%A1…" (paths from lib/urls.ts are already encoded). */
export function absoluteUrl(path: string): string {
  if (!path.startsWith("/")) throw new Error(`absoluteUrl expects a path starting with "/", got "${path}"`);
  return siteOrigin() + (path === "/" ? "/" : path);
}
