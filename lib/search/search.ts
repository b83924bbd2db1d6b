import { bylineOf, facetTerms } from "./filters";
import type { SearchParams } from "./params";
import { COUNT_CAP, COUNT_LIMIT, planSearch, type KeyRange, type TierPage, type TierQuery } from "./plan";
import { searchProvider } from "./provider";
import { searchHits, type SearchHit } from "./results";
import { runSearch } from "./runner";

// A search, top to bottom: plan it from the parameters (./plan.ts), look up its filters
// (./filters.ts), read the index tier by tier through the configured database's provider
// (./provider.ts), then fetch and mark the page's results (./results.ts).

export const RESULTS_PER_PAGE = 20;
export { COUNT_LIMIT } from "./plan";
export type { SearchHit } from "./results";

export interface SearchResponse {
  /** Matches found, at most COUNT_LIMIT. */
  total: number;
  /** False when there are more matches than COUNT_LIMIT. */
  totalIsExact: boolean;
  page: number;
  pageCount: number;
  results: SearchHit[];
  /** What the search did with the query, when a reader should know (one character, terms dropped). */
  notice: string | null;
  /** Whether there was anything to search for at all. */
  searched: boolean;
  /** When the query is exactly a byline's name: that author, to offer the stories they wrote. */
  author: { name: string; articleCount: number } | null;
}

/** Full-text search with filters: headline matches first, then the rest, each newest first. */
export function searchArticles(p: SearchParams): Promise<SearchResponse> {
  return runSearch(p, searchHere);
}

/** A search run in this thread (a search thread's work, ./worker.ts). */
export async function searchHere(p: SearchParams): Promise<SearchResponse> {
  const plan = planSearch(p);
  const find = async (): Promise<Omit<SearchResponse, "author">> => {
    const facets = await facetTerms(p);
    const none = { total: 0, totalIsExact: true, page: p.page, pageCount: 0, results: [] };
    if (!facets || !plan.searched) return { ...none, notice: plan.notice, searched: plan.searched };
    const found = await readTiers(plan.tiers(facets), plan.range, p.page);
    const total = Math.min(found.total, COUNT_LIMIT);
    return {
      total,
      totalIsExact: found.total <= COUNT_LIMIT,
      page: p.page,
      pageCount: Math.ceil(total / RESULTS_PER_PAGE),
      results: await searchHits(found.ids, found.headlineIds, plan.highlights),
      notice: plan.notice,
      searched: true,
    };
  };
  // The byline lookup only adds a pointer to the results: it runs alongside the whole search.
  const [found, author] = await Promise.all([find(), p.author ? null : bylineOf(p.q)]);
  return { ...found, author };
}

/** Both tiers' matches, counted together up to the cap, and the ids of one page of them. */
async function readTiers(
  tiers: { headline: TierQuery | null; rest: TierQuery | null },
  range: KeyRange,
  pageNumber: number,
): Promise<{ total: number; ids: number[]; headlineIds: number[] }> {
  const offset = (pageNumber - 1) * RESULTS_PER_PAGE;
  const none: TierPage = { total: 0, ids: [] };
  const headline = tiers.headline
    ? await searchProvider.page(tiers.headline, range, COUNT_CAP, offset, RESULTS_PER_PAGE)
    : none;
  const restCap = COUNT_CAP - headline.total;
  const rest =
    tiers.rest && restCap > 0
      ? await searchProvider.page(
          // The headline tier's keys, when it had them all, spare the next tier looking them up.
          { ...tiers.rest, notInHeadlineKeys: headline.keys },
          range,
          restCap,
          Math.max(0, offset - headline.total),
          RESULTS_PER_PAGE - headline.ids.length,
        )
      : none;
  return { total: headline.total + rest.total, ids: [...headline.ids, ...rest.ids], headlineIds: headline.ids };
}
