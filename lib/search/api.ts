import { parseSearchParams, type SearchParams } from "./params";
import { runSearch } from "./runner";
import type { SearchResponse } from "./search";

// /api/search's answer, one implementation for both ways it is served: Next.js's route
// (app/api/search/route.ts: next dev, tests) and the production server's front, which answers it
// without the renderer (lib/server/front.ts).

export interface SearchApiAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON. */
  body: string;
}

const JSON_TYPE = "application/json";

/**
 * searchArticles (./search.ts), with the search code loaded only where a search runs here: the
 * front's thread hands every search to the search threads and keeps its heap small.
 */
const searchArticles = (p: SearchParams): Promise<SearchResponse> =>
  runSearch(p, (params) => import("./search").then((m) => m.searchHere(params)));

/** GET /api/search?q=…&section=…&author=…&column=…&tag=…&issue=…&from=…&to=…&page=… */
export async function searchApiAnswer(query: URLSearchParams): Promise<SearchApiAnswer> {
  const parsed = parseSearchParams(query);
  if (!parsed.ok)
    return {
      status: 400,
      headers: { "content-type": JSON_TYPE, "cache-control": "no-store" },
      body: JSON.stringify({ error: parsed.errors.map((e) => e.message).join("; "), params: parsed.errors }),
    };
  const r = await searchArticles(parsed.params);
  return {
    status: 200,
    // Results change only with an ingest; a minute's reuse spares repeated searches.
    headers: { "content-type": JSON_TYPE, "cache-control": "public, max-age=60" },
    body: JSON.stringify({
      total: r.total,
      totalIsExact: r.totalIsExact,
      page: r.page,
      pageCount: r.pageCount,
      notice: r.notice,
      author: r.author,
      results: r.results.map((hit) => ({
        slug: hit.slug,
        title: hit.title,
        subtitle: hit.subtitle,
        snippet: hit.snippet.text,
        highlights: hit.snippet.marks,
        titleHighlights: hit.titleMarked.marks,
        matchedIn: hit.matchedIn,
        bylines: hit.bylines,
        section: hit.section,
        column: hit.column,
        issue: hit.issue.slug,
        publishedAt: hit.publishedAt.toISOString(),
      })),
    }),
  };
}
