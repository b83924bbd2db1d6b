import { beforeAll, describe, expect, it } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { ISSUES_PER_PAGE, listIssues } from "@/lib/db/issues";
import { ARTICLES_PER_PAGE, getListing, type ListingKind } from "@/lib/db/listings";
import { syntheticContent } from "../helpers/synthetic-content";
import { COUNT_LIMIT, searchArticles } from "@/lib/search/search";

const TOTAL = 2_400;
const PER_ISSUE = 8;
/** In the oldest 1,500 stories and three recent ones: more matches than a search counts, few of them new. */
const holdsGloves = (i: number) => i < 1_500 || i % 400 === 107;

beforeAll(async () => {
  const extra = (i: number) => (holdsGloves(i) ? "园区的乳胶手套生产线投产。" : undefined);
  await ingestContent(db, parseContent(syntheticContent({ articles: TOTAL, perIssue: PER_ISSUE, extra })));
});

/** Walks every page of a listing and returns what it showed, in order. */
async function walk(kind: ListingKind, key: string) {
  const first = (await getListing(kind, key, 1))!;
  const items = [];
  for (let page = 1; page <= first.articles.pageCount; page++) {
    const l = (await getListing(kind, key, page))!;
    expect(l.articles.total).toBe(first.articles.total);
    expect(l.articles.items.length).toBe(
      page < first.articles.pageCount ? ARTICLES_PER_PAGE : first.articles.total - (page - 1) * ARTICLES_PER_PAGE,
    );
    items.push(...l.articles.items);
  }
  return { total: first.articles.total, pageCount: first.articles.pageCount, items };
}

describe(`lists over ${TOTAL} articles`, () => {
  it.each([
    ["tag", "网格化管理", TOTAL / 3],
    ["section", "rural", TOTAL / 2],
    ["column", "ershida", TOTAL / 5],
    ["author", "记者7", TOTAL / 40],
  ] as const)("pages through %s %s newest first, every article exactly once", async (kind, key, expected) => {
    const { total, pageCount, items } = await walk(kind, key);
    expect(total).toBe(expected);
    expect(pageCount).toBe(Math.ceil(expected / ARTICLES_PER_PAGE));
    expect(new Set(items.map((a) => a.slug)).size).toBe(expected);
    const times = items.map((a) => a.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("answers a page past the end with no items", async () => {
    const l = await getListing("tag", "网格化管理", 10_000);
    expect(l!.articles.items).toEqual([]);
  });

  it("counts search matches exactly up to 1,000, then says there are more", async () => {
    const common = await searchArticles({ q: "左权", page: 1 });
    expect(common).toMatchObject({ total: COUNT_LIMIT, totalIsExact: false, pageCount: COUNT_LIMIT / 20 });
    expect((await searchArticles({ q: "左权", page: COUNT_LIMIT / 20 })).results).toHaveLength(20);
    const exact = await searchArticles({ q: "左权", author: "记者7", page: 1 });
    expect(exact).toMatchObject({ total: TOTAL / 40, totalIsExact: true });
  });

  it.each(["乳胶手套", "乳胶"])("pages through the newest of more matches than it counts (%s)", async (q) => {
    const slugs = Array.from({ length: TOTAL }, (_, i) => i)
      .filter(holdsGloves)
      .reverse()
      .map((i) => `story-${String(i).padStart(6, "0")}`);
    const first = await searchArticles({ q, page: 1 });
    expect(first).toMatchObject({ total: COUNT_LIMIT, totalIsExact: false });
    expect(first.results.map((r) => r.slug)).toEqual(slugs.slice(0, 20));
    for (const page of [2, 7, COUNT_LIMIT / 20]) {
      expect(
        (await searchArticles({ q, page })).results.map((r) => r.slug),
        `page ${page}`,
      ).toEqual(slugs.slice((page - 1) * 20, page * 20));
    }
  });

  it("pages the issue archive newest first", async () => {
    const issues = TOTAL / PER_ISSUE;
    const first = await listIssues(1);
    expect(first.total).toBe(issues);
    expect(first.pageCount).toBe(Math.ceil(issues / ISSUES_PER_PAGE));
    expect(first.items[0]!.articleCount).toBe(PER_ISSUE);
    const last = await listIssues(first.pageCount);
    expect(last.items.at(-1)!.slug).toBe("2020-01-01");
  });
});
