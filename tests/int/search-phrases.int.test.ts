import { beforeAll, describe, expect, it } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { parseSearchParams } from "@/lib/search/params";
import { parseQuery } from "@/lib/search/query";
import { searchProvider } from "@/lib/search/provider";
import { searchArticles } from "@/lib/search/search";
import { headlineOf } from "@/lib/search/document";
import { TOKENS_GIVEN_CODE, tokenCode } from "@/lib/search/postgres/codes";
import { keyRange, searchKey } from "@/lib/search/search-key";
import { analyzeText } from "@/lib/search/tokenize";
import { tierMatches } from "@/lib/search/verify";
import { articleMd, contentTree, issueYaml } from "../helpers/content-fixtures";
import { testProvider } from "../helpers/database";

// Story bodies are indexed without token positions: a phrase's tokens are looked up, and the
// text confirms the phrase. These stories hold the cases where the two could disagree.
const stories: Record<string, [title: string, body: string]> = {
  apart: ["分开的字", "左权县城很美。权羊二字也在文中，但不相连。\n"],
  together: ["相连的字", "左权羊育肥产业发展很快。\n"],
  "full-width": ["全角字母", "设备换成ＰＬＣ控制系统以后运转更稳。\n"],
  punctuation: ["标点两边", "提高运转力。中晋太行的项目开工。\n"],
  "no-punctuation": ["没有标点", "提高运转力中晋太行的项目开工。\n"],
  astral: ["扩展汉字", "地名里有𠀾字，写作𠀾𠀾村。\n"],
  "split-terms": ["乳胶产业园", "园区引进气球生产线。\n"],
  "ascii-upper": ["GDP数据", "今年GDP增长6.5%，30万吨/年的项目在建。\n"],
  "beyond-cjk": ["外文字母", "Café和Ä、①号、ＡＢＣ与かな，还有㐀字。\n"],
};

beforeAll(async () => {
  const slugs = Object.keys(stories);
  const files = contentTree({
    "content/issues/2023-01-03/issue.yaml": issueYaml("2023-01-03", slugs),
    "content/issues/2023-01-03/first-story.md": null,
    "content/issues/2023-01-03/second-story.md": null,
    ...Object.fromEntries(
      Object.entries(stories).map(([slug, [title, body]]) => [
        `content/issues/2023-01-03/${slug}.md`,
        articleMd({ title }, body),
      ]),
    ),
  });
  await ingestContent(db, parseContent(files));
});

const slugs = async (q: string) => {
  const parsed = parseSearchParams(new URLSearchParams({ q }));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return (await searchArticles(parsed.params)).results.map((r) => r.slug).sort();
};

describe("phrases confirmed against the text", () => {
  it("does not take a story for a phrase when it only holds the phrase's pairs apart", async () => {
    expect(await slugs("左权羊")).toEqual(["together"]);
    expect(await slugs("左权")).toEqual(["apart", "together"]);
  });

  it("finds full-width letters and upper case by the normalized query", async () => {
    expect(await slugs("plc控制")).toEqual(["full-width"]);
    expect(await slugs("ＰＬＣ控制系统")).toEqual(["full-width"]);
  });

  it("matches punctuation in a query to punctuation in the story, and only there", async () => {
    expect(await slugs("运转力。中晋")).toEqual(["punctuation"]);
    expect(await slugs("运转力，中")).toEqual(["punctuation"]);
    expect(await slugs("运转力中晋")).toEqual(["no-punctuation"]);
  });

  it("finds characters outside the Basic Multilingual Plane", async () => {
    expect(await slugs("𠀾字")).toEqual(["astral"]);
    expect(await slugs("𠀾𠀾村")).toEqual(["astral"]);
    expect(await slugs("𠀾村")).toEqual(["astral"]);
    expect(await slugs("村𠀾")).toEqual([]);
  });

  it("finds one character wherever it stands in a headline", async () => {
    expect(await slugs("分")).toEqual(["apart"]);
    expect(await slugs("开")).toEqual(["apart"]);
    expect(await slugs("连")).toEqual(["together"]);
    expect(await slugs("母")).toEqual(["beyond-cjk", "full-width"]);
    expect(await slugs("县")).toEqual([]);
  });

  it("finds terms split between headline and body", async () => {
    expect(await slugs("乳胶 气球")).toEqual(["split-terms"]);
  });

  it("pages through candidates the text rejects", async () => {
    // One candidate per round trip: the apart story (rejected) and the together story (kept) both come back.
    const query = parseQuery("左权羊");
    if (query.kind !== "terms") throw new Error("expected terms");
    const phrases = query.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
    const tier = { text: { in: "all" as const, phrases }, notInHeadline: null, facets: [] };
    const range = keyRange(new Date());
    const ids = await tierMatches(searchProvider.candidates, tier, range, 1);
    const together = await db.article.findUniqueOrThrow({ where: { slug: "together" }, select: { id: true } });
    expect(ids).toEqual([together.id]);
    expect(await tierMatches(searchProvider.candidates, tier, range, 5)).toEqual([together.id]);
  });
});

describe(`the index on ${testProvider()} and tokenize.ts`, () => {
  const tokensOf = (a: { title: string; subtitle: string | null; kicker: string | null; text: string }) => [
    ...analyzeText(headlineOf(a)).tokens,
    ...analyzeText(a.text).tokens,
  ];
  const sorted = (xs: Iterable<number | string>) => [...new Set(xs)].sort();

  it("holds exactly the tokens tokenize.ts gives each story", async () => {
    const articles = await db.article.findMany({
      select: { id: true, title: true, subtitle: true, kicker: true, text: true, publishedAt: true },
    });
    if (testProvider() === "postgresql") {
      // SQL computes the tokens of a plain story itself (migration 20261130200000); the others are written whole.
      const rows = await db.$queryRawUnsafe<{ id: number; codes: number[]; given: boolean; key: bigint | number }[]>(
        `SELECT id, search_terms(title, subtitle, kicker, text, "searchCodes") AS codes, ${TOKENS_GIVEN_CODE} = ANY ("searchCodes") AS given, "searchKey" AS key FROM "Article"`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const a of articles) {
        const row = byId.get(a.id)!;
        // Codes below "0" = 0x30 << 16 are facets, months and markers; tokens are the rest (negative ones included).
        const tokenCodes = row.codes.filter((c) => c < 0 || c >= 0x30 << 16);
        expect(sorted(tokenCodes), a.title).toEqual(sorted(tokensOf(a).map((t) => tokenCode(t).code)));
        expect(Number(row.key)).toBe(searchKey(a.publishedAt, a.id));
      }
      expect(rows.filter((r) => r.given).length).toBeGreaterThan(0);
      expect(rows.filter((r) => !r.given).length).toBeGreaterThan(rows.length / 2);
    } else {
      await db.$executeRawUnsafe(
        `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, 'ArticleSearch', 'row')`,
      );
      const terms = (await db.$queryRawUnsafe<{ term: string }[]>(`SELECT term FROM temp.search_vocabulary`)).map(
        (r) => r.term,
      );
      const facetsAndMarkers = /^(all|folds|(sec|col|iss|aut|tag)\d+)$/;
      expect(sorted(terms.filter((t) => !facetsAndMarkers.test(t)))).toEqual(sorted(articles.flatMap(tokensOf)));
    }
  });
});
