import { parseSearchParams } from "@/lib/search/params";
import { searchArticles } from "@/lib/search/search";

/** GET /api/search?q=…&section=…&author=…&column=…&tag=…&issue=…&from=…&to=…&page=… */
export async function GET(request: Request) {
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return Response.json(
      { error: parsed.errors.map((e) => e.message).join("; "), params: parsed.errors },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  const r = await searchArticles(parsed.params);
  return Response.json(
    {
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
    },
    // Results change only with an ingest; a minute's reuse spares repeated searches.
    { headers: { "cache-control": "public, max-age=60" } },
  );
}
