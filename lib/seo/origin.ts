import { DEFAULT_SITE_ORIGIN, env, originSchema } from "../env";

export { DEFAULT_SITE_ORIGIN };

/**
 * The site's public origin, for every absolute URL the site hands out: feeds, sitemaps,
 * robots.txt, canonical links, Open Graph and JSON-LD (SITE_ORIGIN, validated by lib/env.ts).
 */

/** Parses an origin the way SITE_ORIGIN is parsed; throws naming the variable when it is not one. */
export function parseSiteOrigin(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_SITE_ORIGIN;
  const parsed = originSchema.safeParse(value);
  if (!parsed.success)
    throw new Error(`SITE_ORIGIN ${parsed.error.issues[0]?.message ?? "is invalid"} — got "${value}"`);
  return parsed.data;
}

/** e.g. "https://www.zuoquan.example", without a trailing slash. */
export const siteOrigin = (): string => env().SITE_ORIGIN ?? DEFAULT_SITE_ORIGIN;

/**
 * The absolute URL of a site path such as "/tags/%E4%B9%A1…" (paths from lib/urls.ts are already
 * encoded). A caller making many passes the origin: reading the settings costs microseconds a
 * call, a second for a 140,000-URL sitemap.
 */
export function absoluteUrl(path: string, origin = siteOrigin()): string {
  if (!path.startsWith("/")) throw new Error(`absoluteUrl expects a path starting with "/", got "${path}"`);
  return origin + (path === "/" ? "/" : path);
}
