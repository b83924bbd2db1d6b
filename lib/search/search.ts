import { db, plainRows } from "../db/client";
import { articleSummariesWithText, type ArticleSummary } from "../db/articles";
import { issueDate } from "../dates";
import { visibleArticle } from "../db/visibility";
import { databaseProvider } from "../db/url";
import { postgresBackend, postgresCandidates } from "./backend-postgres";
import { sqliteBackend, sqliteCandidates } from "./backend-sqlite";
import { facet } from "./index-sqlite";
import {
  COUNT_CAP,
  COUNT_LIMIT,
  type CandidateSource,
  type KeyRange,
  type SearchBackend,
  type TierPage,
  type TierQuery,
} from "./plan";
import type { SearchParams } from "./params";
import { MAX_TERMS, parseQuery, type ParsedQuery } from "./query";
import { keyRange } from "./search-key";
import { markAll, snippet, type Marked } from "./snippet";

export const RESULTS_PER_PAGE = 20;
export { COUNT_LIMIT } from "./plan";

export interface SearchHit extends ArticleSummary {
  /** The headline with the query's words marked. */
  titleMarked: Marked;
  /** A passage of the story around the first match, marked; the excerpt when only the headline matched. */
  snippet: Marked;
  matchedIn: "title" | "body";
}

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

const empty = (page: number, notice: string | null, searched: boolean): Omit<SearchResponse, "author"> => ({
  total: 0,
  totalIsExact: true,
  page,
  pageCount: 0,
  results: [],
  notice,
  searched,
});

/** A query that is someone's byline: searching text finds mentions, so point to what they wrote. */
async function bylineOf(q: string | undefined): Promise<SearchResponse["author"]> {
  const name = q?.trim();
  if (!name || name.length > 32) return null;
  // Nearly every query names no one: a plain lookup by the unique name settles that, and only a
  // name found pays for counting what they wrote (visibleArticle() says what a reader may see).
  const [author] = await plainRows<{ id: number; name: string }>(
    (sql) => `SELECT "id", "name" FROM "Author" WHERE "name" = ${sql.bind(name)}`,
  );
  if (!author) return null;
  const articleCount = await db.byline.count({ where: { authorId: author.id, article: visibleArticle() } });
  return articleCount > 0 ? { name: author.name, articleCount } : null;
}

/** Turns filter values (slugs, names, dates) into facet terms; null when a filter names nothing that exists. */
async function facetTerms(p: SearchParams): Promise<string[] | null> {
  const filters: [value: string | undefined, table: string, key: string, term: (id: number) => string][] = [
    [p.section, "Section", "slug", facet.section],
    [p.column, "Column", "slug", facet.column],
    [p.author, "Author", "name", facet.author],
    [p.tag, "Tag", "name", facet.tag],
    [p.issue, "Issue", "slug", facet.issue],
  ];
  const present = filters.filter(([value]) => value !== undefined);
  if (!present.length) return [];
  // Every filter's id in one statement, one round trip.
  const [row] = await plainRows<Record<string, number | null>>(
    (sql) =>
      `SELECT ${present.map(([value, table, key], i) => `(SELECT "id" FROM "${table}" WHERE "${key}" = ${sql.bind(value)}) AS "f${i}"`).join(", ")}`,
  );
  const ids = present.map((_, i) => row?.[`f${i}`]);
  if (ids.some((id) => id == null)) return null;
  return present.map(([, , , term], i) => term(Number(ids[i])));
}

/** The two ranking tiers: headline matches first, then the rest. */
function tiers(
  query: ParsedQuery,
  facetTokens: string[],
): { headline: TierQuery | null; rest: TierQuery | null } | null {
  // With words to match, no facet term is needed; ANDing "all" would walk every row of the index.
  const facets = facetTokens;
  switch (query.kind) {
    case "empty":
      return facets.length ? { headline: null, rest: { text: null, notInHeadline: null, facets } } : null;
    case "characters": {
      const phrases = query.characters.map((c) => ({ tokens: [c], prefix: false, text: c }));
      return { headline: { text: { in: "chars", phrases }, notInHeadline: null, facets }, rest: null };
    }
    case "terms": {
      const phrases = query.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
      return {
        headline: { text: { in: "headline", phrases }, notInHeadline: null, facets },
        rest: { text: { in: "all", phrases }, notInHeadline: phrases, facets },
      };
    }
  }
}

/** The index's candidates, newest first (verify.ts, tierMatches), on the configured database. */
export const searchCandidates = (): CandidateSource =>
  databaseProvider() === "postgresql" ? postgresCandidates : sqliteCandidates;

const searchBackend = (): SearchBackend => (databaseProvider() === "postgresql" ? postgresBackend : sqliteBackend);

/** Keys of the date range, ending before the current minute: scheduled stories stay out until their time. */
function dateRange(p: SearchParams, now = new Date()): KeyRange {
  const DAY = 86_400_000;
  const minuteNow = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const to = p.to ? new Date(issueDate(p.to).getTime() + DAY) : minuteNow;
  return keyRange(to < minuteNow ? to : minuteNow, p.from ? issueDate(p.from) : undefined);
}

/** Full-text search with filters: headline matches first, then the rest, each newest first. */
export async function searchArticles(p: SearchParams): Promise<SearchResponse> {
  const query = parseQuery(p.q ?? "");
  const notice =
    query.kind === "characters"
      ? "单字搜索只查找标题；输入两个或更多字可以搜索全文。"
      : query.kind === "terms" && query.dropped > 0
        ? `单字和第 ${MAX_TERMS} 个以后的搜索词未使用，只按其余 ${query.terms.length} 个词搜索。`
        : null;
  const searched =
    query.kind !== "empty" || Object.entries(p).some(([k, v]) => k !== "page" && k !== "q" && v !== undefined);
  const find = async (): Promise<Omit<SearchResponse, "author">> => {
    const facets = await facetTerms(p);
    if (!facets || !searched) return empty(p.page, notice, searched);
    // Only a date range: every article in it.
    const plan = tiers(query, facets) ?? {
      headline: null,
      rest: { text: null, notInHeadline: null, facets: [facet.all] },
    };
    return page(p.page, notice, plan, dateRange(p), query);
  };
  // The byline lookup only adds a pointer to the results: it runs alongside the whole search.
  const [found, author] = await Promise.all([find(), p.author ? null : bylineOf(p.q)]);
  return { ...found, author };
}

async function page(
  pageNumber: number,
  notice: string | null,
  plan: { headline: TierQuery | null; rest: TierQuery | null },
  range: KeyRange,
  query: ParsedQuery,
): Promise<Omit<SearchResponse, "author">> {
  const cap = COUNT_CAP;
  const offset = (pageNumber - 1) * RESULTS_PER_PAGE;
  const none: TierPage = { total: 0, ids: [] };
  const headline = plan.headline
    ? await searchBackend().page(plan.headline, range, cap, offset, RESULTS_PER_PAGE)
    : none;
  const restCap = cap - headline.total;
  const rest =
    plan.rest && restCap > 0
      ? await searchBackend().page(
          { ...plan.rest, notInHeadlineKeys: headline.keys },
          range,
          restCap,
          Math.max(0, offset - headline.total),
          RESULTS_PER_PAGE - headline.ids.length,
        )
      : none;
  const found = headline.total + rest.total;
  const totalIsExact = found <= COUNT_LIMIT;
  const total = Math.min(found, COUNT_LIMIT);
  const headlineIds = headline.ids;
  const order = [...headline.ids, ...rest.ids];
  const byId = await articleSummariesWithText(order);
  const needles =
    query.kind === "terms"
      ? query.terms.flatMap((t) => t.highlights)
      : query.kind === "characters"
        ? query.characters
        : [];
  const headlineSet = new Set(headlineIds);
  const results = order.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { text, id: _id, ...summary } = row;
    return [
      {
        ...summary,
        titleMarked: markAll(summary.title, needles),
        snippet: snippet(text, needles) ?? { text: summary.excerpt, marks: [] },
        matchedIn: headlineSet.has(id) ? ("title" as const) : ("body" as const),
      },
    ];
  });
  return {
    total,
    totalIsExact,
    page: pageNumber,
    pageCount: Math.ceil(total / RESULTS_PER_PAGE),
    results,
    notice,
    searched: true,
  };
}
