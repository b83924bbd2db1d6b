import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import type { ContentSet } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { normalize } from "@/lib/search/tokenize";
import { parseSearchParams } from "@/lib/search/params";
import { searchArticles } from "@/lib/search/search";
import { getLatestIssue } from "@/lib/db/issues";

let content: ContentSet;
/** Each article's searchable text as stored: headline lines and body text, normalized. */
const texts = new Map<string, { headline: string; body: string }>();

beforeAll(async () => {
  content = await loadContent("content");
  await ingestContent(db, content);
  for (const a of await db.article.findMany({
    select: { slug: true, title: true, subtitle: true, kicker: true, text: true },
  })) {
    texts.set(a.slug, {
      headline: normalize([a.title, a.subtitle, a.kicker].filter(Boolean).join("\n")),
      body: normalize(a.text),
    });
  }
});

const search = async (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return searchArticles(parsed.params);
};
const slugs = async (query: string) => (await search(query)).results.map((r) => r.slug);

/** The oracle: the stories whose text holds every term (compared as the index compares). */
function storiesContaining(...terms: string[]) {
  return [...texts]
    .filter(([, t]) => terms.every((term) => (t.headline + "\n" + t.body).includes(normalize(term))))
    .map(([slug]) => slug);
}

describe("search works for Chinese", () => {
  it.each(["网格", "乳胶", "左权羊", "魏丹创新工作室", "直接还原铁", "30万吨", "PLC控制", "石勇", "气球"])(
    "finds every story containing %s, and only those",
    async (q) => {
      const expected = storiesContaining(q);
      expect(expected.length).toBeGreaterThan(0);
      expect((await slugs(`q=${encodeURIComponent(q)}`)).sort()).toEqual(expected.sort());
    },
  );

  it("finds a story from any run of two or more consecutive characters of its headline or body", async () => {
    // Deterministic sample: every story, windows of 2 to 9 characters at spread-out offsets.
    let checked = 0;
    for (const a of await db.article.findMany({ select: { slug: true, title: true, text: true } })) {
      const source = `${a.title}\n${a.text}`;
      for (let at = 0; at < source.length - 10; at += 13) {
        const length = 2 + (at % 8);
        const window = source.slice(at, at + length);
        if (/\s/.test(window) || (window.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) continue;
        const found = await slugs(`q=${encodeURIComponent(window)}`);
        expect(found, `"${window}" from ${a.slug}`).toContain(a.slug);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(450);
  });

  it("requires every space-separated term", async () => {
    expect((await slugs("q=网格 党建")).sort()).toEqual(storiesContaining("网格", "党建").sort());
    expect((await slugs("q=乳胶 气球")).sort()).toEqual(storiesContaining("乳胶", "气球").sort());
    expect(await slugs("q=乳胶 网格员")).toEqual(storiesContaining("乳胶", "网格员"));
  });

  it("ranks a headline match above a match in the body, then newer first", async () => {
    const r = await search("q=乳胶");
    expect(r.results[0]).toMatchObject({ slug: "rujiao-chanyeyuan-touchan", matchedIn: "title" });
    expect(r.results.slice(1).every((x) => x.matchedIn === "body")).toBe(true);
  });

  it("treats full-width, half-width and traditional forms alike", async () => {
    expect(await slugs("q=ＰＬＣ控制")).toEqual(await slugs("q=PLC控制"));
    expect(await slugs("q=plc控制")).toEqual(["jinyu-shuini-chuangxin"]);
    expect((await slugs(`q=${encodeURIComponent("網格員")}`)).sort()).toEqual(storiesContaining("网格员").sort());
  });

  it("searches headlines for a single character, and says so", async () => {
    const r = await search("q=羊");
    expect(r.notice).toContain("单字");
    expect(r.results.map((x) => x.slug)).toEqual(
      [...texts].filter(([, t]) => t.headline.includes("羊")).map(([s]) => s),
    );
    expect((await slugs("q=乳")).length).toBeGreaterThan(0);
  });

  it("marks the matched words in the headline and a passage of the story", async () => {
    const [hit] = (await search("q=魏丹创新工作室")).results;
    const marked = hit!.snippet.marks.map(([s, e]) => hit!.snippet.text.slice(s, e));
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(["魏丹创新工作室"]));
    const [title] = (await search("q=乳胶")).results;
    expect(title!.titleMarked.marks.map(([s, e]) => title!.titleMarked.text.slice(s, e))).toEqual(["乳胶"]);
  });
});

describe("results", () => {
  it("show each story as the issue page does: headline, excerpt, bylines, section, column, issue and date", async () => {
    const edition = (await getLatestIssue())!;
    const results = (await search("q=%E5%B7%A6%E6%9D%83")).results; // 左权
    expect(results.length).toBe(edition.articles.length);
    for (const r of results) {
      const { titleMarked: _t, snippet: _s, matchedIn: _m, ...summary } = r;
      expect(summary).toEqual(edition.articles.find((a) => a.slug === r.slug));
    }
    expect(results.some((r) => r.column !== null) && results.some((r) => r.bylines.length > 1)).toBe(true);
  });
});

describe("bylines are not mentions", () => {
  it("finds what a byline wrote, not where a name is mentioned", async () => {
    expect(await slugs("author=李斌")).toEqual(["rujiao-chanyeyuan-touchan"]);
    expect(await slugs("author=军星")).toEqual(["rujiao-chanyeyuan-touchan"]);
    expect(await slugs(`author=${encodeURIComponent("王磊")}`)).toEqual(["jinyu-shuini-chuangxin"]);
    // 石勇 is mentioned in the commentary and wrote nothing.
    expect(await slugs("author=石勇")).toEqual([]);
    expect(await slugs("q=石勇")).toEqual(["2023-jingzhun-zhua-luoshi"]);
    // 李祖能 is quoted, not a byline.
    expect(await slugs("author=李祖能")).toEqual([]);
  });

  it("points a text search for a byline's name to what they wrote", async () => {
    const r = await search("q=李斌");
    expect(r.author).toEqual({ name: "李斌", articleCount: 1 });
    expect((await search("q=石勇")).author).toBeNull();
  });
});

describe("filters, alone and combined", () => {
  it("filters by section, column, tag, issue and dates, with or without text", async () => {
    expect((await slugs("section=industry")).sort()).toEqual(["jinyu-shuini-chuangxin", "rujiao-chanyeyuan-touchan"]);
    expect(await slugs("section=industry&q=气球")).toEqual(["rujiao-chanyeyuan-touchan"]);
    expect(await slugs("section=industry&author=王磊")).toEqual(["jinyu-shuini-chuangxin"]);
    expect(await slugs("section=commentary&author=王磊")).toEqual([]);
    expect(await slugs("column=ershida-jingshen-zai-jinzhong")).toEqual(["liaoyang-xiangcun-zhenxing"]);
    expect((await slugs(`tag=${encodeURIComponent("党的二十大精神")}`)).sort()).toEqual([
      "jinyu-shuini-chuangxin",
      "liaoyang-xiangcun-zhenxing",
    ]);
    expect(await slugs("issue=2022-12-20")).toHaveLength(5);
    expect(await slugs("issue=2022-12-21")).toEqual([]);
    // One filter naming nothing empties a combination, whichever lookup answers first.
    expect(await slugs(`section=industry&author=王磊&tag=${encodeURIComponent("没有这个标签")}`)).toEqual([]);
    expect(await slugs("from=2022-12-20&to=2022-12-20")).toHaveLength(5);
    expect(await slugs("from=2022-12-21")).toEqual([]);
    expect(await slugs("to=2022-12-19")).toEqual([]);
    expect(await slugs("q=左权&from=2022-12-01&to=2022-12-31&section=governance")).toEqual(["wangge-yanguan-houai"]);
  });

  it("pages results and reports the total", async () => {
    const r = await search("q=左权");
    expect(r.total).toBe(storiesContaining("左权").length);
    expect(r.page).toBe(1);
    expect((await search("q=左权&page=2")).results).toEqual([]);
  });
});

describe("robustness", () => {
  const hostile = [
    '"',
    "*",
    "NEAR(",
    "AND",
    "OR",
    "NOT",
    "-",
    "^",
    ":",
    "{title}",
    '网格" OR "乳胶',
    "' OR 1=1 --",
    '\'; DROP TABLE "Article"; --',
    "🎈🎈",
    "网格🎈",
    "\\",
    "%",
    "()",
    "左权 -网格",
    "NEAR(网格 乳胶)",
    "title:网格",
  ];
  it.each(hostile)("answers %s with results or an empty list, never an error", async (q) => {
    const r = await search(`q=${encodeURIComponent(q)}`);
    expect(Array.isArray(r.results)).toBe(true);
    expect(r.total).toBeGreaterThanOrEqual(0);
  });

  it("still has its articles after hostile queries", async () => {
    expect(await db.article.count()).toBe(5);
  });

  it("rejects over-long queries and bad parameters with a message naming the parameter", () => {
    for (const [q, param] of [
      [`q=${"网".repeat(2000)}`, "q"],
      ["page=-1", "page"],
      ["from=2022-02-30", "from"],
    ] as const) {
      const parsed = parseSearchParams(new URLSearchParams(q));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]!.param).toBe(param);
    }
  });

  it("treats a query with nothing to search and no filters as no search at all", async () => {
    expect(await search("q=")).toMatchObject({ searched: false, total: 0 });
    // Only punctuation or emoji: nothing to search for, so the form asks for words.
    expect(await search("q=%E2%80%9C%E2%80%9D")).toMatchObject({ searched: false, total: 0 });
    expect(await search(`q=${encodeURIComponent("🎈")}`)).toMatchObject({ searched: false, total: 0 });
  });
});

describe("GET /api/search", () => {
  const call = async (query: string) => {
    const { GET } = await import("@/app/api/search/route");
    return GET(new Request(`http://localhost/api/search?${query}`));
  };

  it("answers { total, page, results } for the same parameters as the page", async () => {
    const res = await call(`q=${encodeURIComponent("乳胶")}&section=industry`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      page: number;
      results: { slug: string; title: string; snippet: string; bylines: string[]; matchedIn: string }[];
    };
    expect(body.total).toBe(1);
    expect(body.page).toBe(1);
    expect(body.results[0]).toMatchObject({
      slug: "rujiao-chanyeyuan-touchan",
      title: "左权天然乳胶产业园 首批生产线投产运行",
      bylines: ["军星", "李斌"],
      matchedIn: "title",
    });
  });

  it("answers an invalid parameter with 400 and a message naming it", async () => {
    for (const [query, param] of [
      ["page=zero", "page"],
      ["to=2022-99-01", "to"],
      [`q=${"长".repeat(2000)}`, "q"],
      ["issue=%E4%B9%A1", "issue"],
    ] as const) {
      const res = await call(query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string };
      expect(body.error.startsWith(`${param} `), body.error).toBe(true);
    }
  });

  it("answers hostile text with 200", async () => {
    for (const q of ['"', "NEAR(", "' OR 1=1 --", "🎈"])
      expect((await call(`q=${encodeURIComponent(q)}`)).status).toBe(200);
  });
});
