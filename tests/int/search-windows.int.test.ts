import { beforeAll, describe, expect, it } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { COUNT_CAP, type TierQuery } from "@/lib/search/plan";
import { searchProvider } from "@/lib/search/provider";
import { parseQuery } from "@/lib/search/query";
import { COUNT_LIMIT, searchArticles } from "@/lib/search/search";
import { keyRange } from "@/lib/search/search-key";
import { isoDay, syntheticContent } from "../helpers/synthetic-content";

// A common term in an archive that reaches up to yesterday: PostgreSQL reads a tier's matches in
// windows of recent months first (lib/search/postgres/windows.ts) and takes the first page from the newest
// windows when they hold enough; SQLite reads its index newest first. Either way the pages must be
// the newest matches, in order.
const TOTAL = 1_300;
const DAY = 86_400_000;
const start = new Date(Math.floor(Date.now() / DAY) * DAY - TOTAL * DAY);
const slug = (i: number) => `story-${String(i).padStart(6, "0")}`;
/** Story i holds 乳胶手套 unless i is a multiple of 7; 左权 is in every story, and in every tenth headline. */
const holdsGloves = (i: number) => i % 7 !== 0;
const headlineNamesZuoquan = (i: number) => i % 10 === 3;

beforeAll(async () => {
  const extra = (i: number) => (holdsGloves(i) ? "园区的乳胶手套生产线投产。" : undefined);
  const title = (i: number) => (headlineNamesZuoquan(i) ? `第${i}篇 左权新闻` : undefined);
  await ingestContent(db, parseContent(syntheticContent({ articles: TOTAL, perIssue: 1, start, extra, title })));
});

describe(`search over ${TOTAL} daily stories up to yesterday`, () => {
  const newest = (matches: (i: number) => boolean) =>
    Array.from({ length: TOTAL }, (_, i) => i)
      .filter(matches)
      .reverse()
      .map(slug);

  it.each([
    ["乳胶手套", {}, holdsGloves],
    ["乳胶手套", { section: "rural" }, (i: number) => holdsGloves(i) && i % 2 === 1],
    ["乳胶手套", { from: isoDay(start, TOTAL - 400) }, (i: number) => holdsGloves(i) && i >= TOTAL - 400],
  ] as const)("pages through the newest matches of %s %j", async (q, filters, matches) => {
    const newestFirst = newest(matches);
    const first = await searchArticles({ q, ...filters, page: 1 });
    expect(first.total).toBe(Math.min(newestFirst.length, COUNT_LIMIT));
    expect(first.totalIsExact).toBe(newestFirst.length <= COUNT_LIMIT);
    for (const page of [1, 2, 4, 13, 30, first.pageCount]) {
      const found = await searchArticles({ q, ...filters, page });
      expect(
        found.results.map((r) => r.slug),
        `page ${page}`,
      ).toEqual(newestFirst.slice((page - 1) * 20, page * 20));
    }
  });

  it("pages through headline matches first, then the rest, each newest first", async () => {
    const expected = [...newest(headlineNamesZuoquan), ...newest((i) => !headlineNamesZuoquan(i))].slice(
      0,
      COUNT_LIMIT,
    );
    const first = await searchArticles({ q: "左权", page: 1 });
    expect(first).toMatchObject({ total: COUNT_LIMIT, totalIsExact: false });
    for (const page of [1, 6, 7, 8, 13, 30, first.pageCount]) {
      const found = await searchArticles({ q: "左权", page });
      expect(
        found.results.map((r) => r.slug),
        `page ${page}`,
      ).toEqual(expected.slice((page - 1) * 20, page * 20));
      expect(found.results.map((r) => r.matchedIn)).toEqual(
        found.results.map((r) => (r.title.includes("左权") ? "title" : "body")),
      );
    }
  });

  it("leaves out the headline tier's matches the same whether that tier's keys are passed down or not", async () => {
    const backend = searchProvider;
    const query = parseQuery("左权");
    if (query.kind !== "terms") throw new Error("expected terms");
    const phrases = query.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
    const range = keyRange(new Date());
    const headline = await backend.page(
      { text: { in: "headline", phrases }, notInHeadline: null, facets: [] },
      range,
      COUNT_CAP,
      0,
      20,
    );
    expect(headline.total).toBe(TOTAL / 10);
    const rest: TierQuery = { text: { in: "all", phrases }, notInHeadline: phrases, facets: [] };
    for (const offset of [0, 200, 700]) {
      const withKeys = await backend.page(
        { ...rest, notInHeadlineKeys: headline.keys },
        range,
        COUNT_CAP - headline.total,
        offset,
        20,
      );
      const looked = await backend.page(rest, range, COUNT_CAP - headline.total, offset, 20);
      expect(looked).toEqual(withKeys);
      expect(withKeys.ids).toHaveLength(20);
    }
  });
});
