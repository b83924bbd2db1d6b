import type { KnownKeys } from "../db/known-keys";
import type { ListingKind } from "../db/listings";
import { CALENDAR_YEARS, FEED_FILES, LISTING_ROOTS } from "../urls";

// Made-up addresses under the dynamic routes (/articles/<slug>, /tags/<name>/page/<n>, …) would
// each be rendered by Next.js and written to its cache on disk as a 404. The server asks this
// first: an address whose key exists nowhere is answered at once.

/** A listing's kind by the first segment of its address (lib/urls.ts builds them). */
const KIND_OF_ROOT = new Map(Object.entries(LISTING_ROOTS).map(([kind, root]) => [root.slice(1), kind as ListingKind]));
const FEED_NAMES = new Set(Object.values(FEED_FILES));
const PAGE_NUMBER = /^[1-9]\d{0,6}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a calendar month's address (2022-12) is one the archive has, whether or not an issue ran in it. */
const monthExists = (raw: string) => {
  const year = Number(MONTH.exec(raw)?.[1]);
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
};

/** Whether page `n` (a raw segment) of `pages` may exist; "1" redirects to the first page, so it goes on. */
const pageExists = (n: string | undefined, pages: number) =>
  n !== undefined && PAGE_NUMBER.test(n) && Number(n) <= pages;

/**
 * "missing" when the path names a key that exists nowhere (answer 404 without a render),
 * "unknown" when it is not one of the gated routes (Next decides), "known" otherwise.
 * `segments` are the path's segments, percent-decoded.
 */
export function lookUpPath(keys: KnownKeys, segments: string[]): "known" | "missing" | "unknown" {
  const [root, key, ...rest] = segments;
  const known = (found: boolean) => (found ? "known" : "missing");
  if (root === "articles" && rest.length === 0 && key !== undefined) return known(keys.articles.has(key));
  if (root === "issues" && key === "page" && rest.length === 1) return known(pageExists(rest[0], keys.issuePages));
  if (root === "issues" && key !== undefined && rest.length === 0) return known(keys.issues.has(key));
  if (root === "issues" && key === "months" && rest.length === 1) return known(monthExists(rest[0]!));
  if (root === "issues" && key !== undefined && rest.length === 2 && rest[0] === "pages")
    return known(pageExists(rest[1], keys.printPages.get(key) ?? 0));
  if (root === "sitemaps" && key !== undefined && rest.length === 0) {
    const n = /^(\d+)\.xml$/.exec(key)?.[1];
    return known(n !== undefined && pageExists(n, keys.sitemapParts));
  }
  const kind = root === undefined ? undefined : KIND_OF_ROOT.get(root);
  if (!kind || key === undefined) return "unknown";
  const pages = keys.listings[kind].get(key);
  if (rest.length === 0 || (rest.length === 1 && FEED_NAMES.has(rest[0]!))) return known(pages !== undefined);
  if (rest.length === 2 && rest[0] === "page") return known(pages !== undefined && pageExists(rest[1], pages));
  return "unknown";
}

/** A path's segments, percent-decoded; null when one does not decode. */
export function pathSegments(url: string): string[] | null {
  try {
    return url.split("?")[0]!.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The answer to a missing address: the site's 404 page, or a plain one for feeds and sitemaps. */
interface NotFoundAnswer {
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Keeps the known keys (reloaded after every ingest's refresh) and the site's 404 page (fetched
 * from Next once, then on each reload), and answers made-up addresses from memory.
 */
export class NotFoundGate {
  private keys: KnownKeys | null = null;
  private page: NotFoundAnswer | null = null;

  constructor(
    private readonly load: () => Promise<KnownKeys>,
    private readonly fetchPage: () => Promise<NotFoundAnswer>,
  ) {}

  /** Reloads the keys and the page; until the first load succeeds, every address goes on to Next. */
  async reload(): Promise<void> {
    const [keys, page] = await Promise.all([this.load(), this.fetchPage().catch(() => this.page)]);
    this.keys = keys;
    this.page = page;
  }

  /** The answer for a request whose path (its segments, decoded: pathSegments) names nothing, or null to let it go on. */
  answer(segments: string[]): NotFoundAnswer | null {
    if (!this.keys || lookUpPath(this.keys, segments) !== "missing") return null;
    const last = segments.at(-1) ?? "";
    if (last.endsWith(".xml") || !this.page)
      return { headers: { "content-type": "text/plain; charset=utf-8" }, body: Buffer.from("Not Found") };
    return this.page;
  }
}
