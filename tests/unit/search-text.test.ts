import { describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/search/params";
import { headlineMatch, termsMatch } from "@/lib/search/sqlite/read";
import { candidateQuery } from "@/lib/search/postgres/statements";
import { MAX_TERMS, parseQuery } from "@/lib/search/query";
import { findMatches, hasCombiningMark, snippet } from "@/lib/search/snippet";
import { FOLDS_TOKEN } from "@/lib/search/sqlite/schema";
import { searchRows } from "@/lib/search/sqlite/write";
import {
  analyzeText,
  bodyTerms,
  documentTokens,
  foldsBeyondAsciiCase,
  normalizeQuery,
  queryTokens,
} from "@/lib/search/tokenize";
import { containsAll } from "@/lib/search/verify";
import { readFileSync } from "node:fs";
import {
  facetCode,
  FOLDS_CODE,
  monthCode,
  monthStart,
  SQL_WORD_CLASS,
  tokenCode,
  tokenizedInSql,
  TOKENS_GIVEN_CODE,
} from "@/lib/search/postgres/codes";

describe("tokens", () => {
  it("indexes each run of letters and digits as bigrams plus its last character", () => {
    expect(documentTokens("左权羊育肥")).toEqual(["左权", "权羊", "羊育", "育肥", "肥"]);
    expect(documentTokens("30万吨/年")).toEqual(["30", "0万", "万吨", "吨", "年"]);
    expect(documentTokens("换成PLC控制。")).toEqual(["换成", "成p", "pl", "lc", "c控", "控制", "制"]);
  });

  it("folds full-width forms and case, and reads traditional characters as simplified in queries", () => {
    expect(documentTokens("ＰＬＣ控制")).toEqual(documentTokens("PLC控制"));
    expect(normalizeQuery("網格員 鄉村振興")).toBe("网格员 乡村振兴");
  });

  it("makes every query token sequence a run of a story's tokens", () => {
    const story = documentTokens("所以现在咱们想换成PLC控制,以提高运转力。中晋太行30万吨/年直接还原铁项目。12月份");
    const contains = (q: string) => {
      const { tokens, prefix } = queryTokens(normalizeQuery(q));
      return story.some((_, i) =>
        tokens.every((t, k) => (prefix && k === tokens.length - 1 ? story[i + k]?.startsWith(t) : story[i + k] === t)),
      );
    };
    for (const q of [
      "PLC控制",
      "成PLC",
      "换成PLC控",
      "LC控",
      "30万吨",
      "0万吨",
      "直接还原铁",
      "12月",
      "还原",
      "控制,以",
      "力。中晋",
      "。中",
    ])
      expect(contains(q), q).toBe(true);
    for (const q of ["PLC控件", "31万吨", "控制以"]) expect(contains(q), q).toBe(false);
  });

  it("gives headlines one token per character for one-character searches", () => {
    expect(analyzeText("写好乡村振兴大文章").characters).toContain("乡");
    expect(analyzeText("左权羊 左权").characters).toEqual(["左", "权", "羊"]);
  });

  it("stores the same index terms whether the ingest's rendering gave the body's terms or not", () => {
    const doc = {
      id: 7,
      publishedAt: new Date("2022-12-20T00:00:00Z"),
      title: "左权县乳胶产业园项目投产",
      subtitle: null,
      kicker: "ＰＬＣ控制",
      text: "左权县乳胶产业园项目正式投产，年产30万吨。乳胶产业园带动就业。",
      sectionId: 1,
      columnId: null,
      issueId: 2,
      authorIds: [3],
      tagIds: [4, 5],
    };
    const terms = (row: { terms: string }) => new Set(row.terms.split(" "));
    const given = searchRows({ ...doc, body: bodyTerms(doc.text) });
    expect(terms(given)).toEqual(terms(searchRows(doc)));
    expect(terms(given)).toEqual(
      new Set([
        ...documentTokens(doc.title),
        ...documentTokens(doc.kicker),
        ...documentTokens(doc.text),
        "all",
        "sec1",
        "iss2",
        "aut3",
        "tag4",
        "tag5",
        FOLDS_TOKEN,
      ]),
    );
  });
});

describe("parseQuery", () => {
  it("splits terms at spaces, full-width ones too", () => {
    const q = parseQuery("网格 党建 乳胶");
    expect(q.kind === "terms" && q.terms.map((t) => t.text)).toEqual(["网格", "党建", "乳胶"]);
  });

  it("never lets the index's own syntax through: every token is quoted", () => {
    for (const raw of ['"', "*", "NEAR(", "AND", "-", '网格" OR "乳胶', "'; DROP TABLE Article; --", "左权 NOT 网格"]) {
      const q = parseQuery(raw);
      if (q.kind !== "terms") continue;
      for (const t of q.terms) for (const token of t.tokens) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      const phrases = q.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
      const tier = { text: { in: "all" as const, phrases }, notInHeadline: phrases, facets: ["all"] };
      // Outside its quoted tokens, an expression holds only the backend's own operators.
      expect(termsMatch(tier).replace(/"[^"]*"/g, "")).toMatch(/^[ *]*(AND[ *]*)*$/);
      expect(headlineMatch({ ...tier, text: { in: "headline", phrases } }).replace(/"[^"]*"/g, "")).toMatch(
        /^[{}a-z :()*]*(AND[{}a-z :()*]*)*$/,
      );
      // On PostgreSQL every value is a bound parameter; tsqueries hold only quoted lexemes and operators.
      const pg = candidateQuery({ ...tier, text: { in: "headline", phrases } }, { min: 0, max: 1 }, 20, null);
      expect(pg.sql).not.toMatch(/'/);
      for (const param of pg.params.filter((p): p is string => typeof p === "string" && p.includes("'")))
        expect(param.replace(/'[^']*'/g, "")).toMatch(/^[\s()&!<>:*-]*$/);
    }
  });

  it("treats empty, punctuation-only and emoji queries as empty", () => {
    for (const raw of ["", "   ", "“”,。!", "🎈🎈"]) expect(parseQuery(raw).kind).toBe("empty");
  });

  it("searches headlines for one character, and caps the number of terms", () => {
    expect(parseQuery("羊")).toEqual({ kind: "characters", characters: ["羊"] });
    expect(parseQuery("羊 乡")).toEqual({ kind: "characters", characters: ["羊", "乡"] });
    const mixed = parseQuery("羊 乡村");
    expect(mixed.kind === "terms" && mixed.terms.map((t) => t.text)).toEqual(["乡村"]);
    const many = parseQuery(Array.from({ length: 12 }, (_, i) => `词${i}语`).join(" "));
    expect(many.kind === "terms" && many.terms.length).toBe(MAX_TERMS);
    expect(many.kind === "terms" && many.dropped).toBe(12 - MAX_TERMS);
  });
});

describe("snippets", () => {
  it("marks matches in the original text, compared in normalized form", () => {
    expect(findMatches("换成ＰＬＣ控制", ["plc"])).toEqual([[2, 5]]);
    const s = snippet("第一句。第二句提到乳胶产业园的投产。第三句。", ["乳胶"])!;
    expect(s.text).toMatch(/^…第二句/);
    expect(s.text.slice(s.marks[0]![0], s.marks[0]![1])).toBe("乳胶");
  });

  it("returns null when nothing matches", () => {
    expect(snippet("没有匹配。", ["乳胶"])).toBeNull();
  });

  it("finds combining marks as /\\p{M}/u does, for every character of the Basic Plane and beyond", () => {
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (hasCombiningMark(`a${ch}b`) !== /\p{M}/u.test(ch)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    // Marks past the Basic Plane come as surrogate pairs: a musical stem, a variation selector.
    for (const mark of ["\u{1D165}", "\u{E0100}"]) expect(hasCombiningMark(`乡村${mark}振兴`)).toBe(true);
    expect(hasCombiningMark("乡村振兴😀，左权")).toBe(false);
    // A decomposed é: its mark moves positions when normalized, and the match still lands on the word.
    expect(findMatches("cafe\u0301 左权", ["左权"])).toEqual([[6, 8]]);
  });
});

describe("search params", () => {
  it("accepts every filter and defaults the page", () => {
    const p = parseSearchParams(
      new URLSearchParams(
        "q=乳胶&section=industry&author=李斌&column=x&tag=招商引资&issue=2022-12-20&from=2022-01-01&to=2022-12-31",
      ),
    );
    expect(p).toMatchObject({
      ok: true,
      params: { q: "乳胶", section: "industry", author: "李斌", page: 1, from: "2022-01-01" },
    });
  });

  it("names the parameter at fault", () => {
    const cases: [string, string][] = [
      ["page=abc", "page"],
      ["page=0", "page"],
      ["from=2022-13-01", "from"],
      ["issue=yesterday", "issue"],
      [`q=${"长".repeat(2000)}`, "q"],
      ["from=2022-12-31&to=2022-01-01", "to"],
    ];
    for (const [query, param] of cases) {
      const p = parseSearchParams(new URLSearchParams(query));
      expect(p.ok, query).toBe(false);
      if (!p.ok) expect(p.errors[0]!.message.startsWith(`${param} `), p.errors[0]!.message).toBe(true);
    }
  });
});

describe("confirming phrases against the text", () => {
  const phrase = (q: string) => {
    const parsed = parseQuery(q);
    if (parsed.kind !== "terms") throw new Error(q);
    return parsed.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
  };
  const doc = { headline: "中晋太行\n项目开工", text: "换成ＰＬＣ控制,以提高运转力。左权县城，权羊二字。" };

  it("agrees with consecutive index tokens", () => {
    for (const q of ["PLC控制", "控制,以", "力。左权", "运转力", "太行", "左权县"])
      expect(containsAll(doc, phrase(q)), q).toBe(true);
    // 太行 and 项目 are in different headline lines; 左权羊's pairs are in the story, apart.
    for (const q of ["左权羊", "控制以", "太行项目", "plc控件"]) expect(containsAll(doc, phrase(q)), q).toBe(false);
    expect(containsAll(doc, phrase("太行 项目"))).toBe(true);
  });
});

describe("which stories the text check must normalize", () => {
  it("are those whose letters and digits change beyond ASCII case", () => {
    expect(foldsBeyondAsciiCase("左权县，PLC控制。“30万吨”")).toBe(false);
    for (const text of ["ＰＬＣ控制", "３０万吨", "Ärger", "第①项"])
      expect(foldsBeyondAsciiCase(text), text).toBe(true);
  });
});

describe("PostgreSQL token codes", () => {
  it("are exact for characters of the Basic Multilingual Plane, and hashed apart from them otherwise", () => {
    expect(tokenCode("左权")).toEqual({ code: (0x5de6 << 16) | 0x6743, exact: true });
    expect(tokenCode("羊").code).toBe((0x7f8a << 16) | 0);
    expect(tokenCode("权羊").code).not.toBe(tokenCode("羊权").code);
    // Facets and the fold marker take codes below every token's (the smallest token starts with "0").
    expect(facetCode("sec4")).toBe(2 ** 18 + 4);
    expect(facetCode("tag12")).toBe(5 * 2 ** 18 + 12);
    expect(facetCode("all")).toBeNull();
    expect(facetCode("tag" + 2 ** 18)).toBeNull();
    const december2022 = monthCode(Date.UTC(2022, 11, 20) / 60_000);
    expect(december2022).toBe(6 * 2 ** 18 + 52 * 12 + 11);
    expect(monthCode(Date.UTC(2200, 0, 1) / 60_000)).toBeLessThan(7 * 2 ** 18);
    // A month code's first instant: the month's own code, and the minute before it the previous month's.
    for (const [y, m] of [
      [1970, 0],
      [2022, 11],
      [2023, 0],
      [2026, 10],
    ] as const) {
      const start = monthStart(monthCode(Date.UTC(y, m, 17, 9) / 60_000));
      expect(start.toISOString()).toBe(new Date(Date.UTC(y, m, 1)).toISOString());
      expect(monthCode(start.getTime() / 60_000 - 1)).toBe(monthCode(start.getTime() / 60_000) - 1);
    }
    expect(
      Math.max(facetCode("tag" + (2 ** 18 - 1))!, monthCode(Date.UTC(2200, 0, 1) / 60_000), FOLDS_CODE),
    ).toBeLessThan(tokenCode("0").code);
    const astral = tokenCode("𠀾字");
    expect(astral.exact).toBe(false);
    expect((astral.code >>> 16) & 0xfc00).toBe(0xd800);
  });
});

describe("PostgreSQL's SQL tokenizer (search_text_codes)", () => {
  const migration = readFileSync(
    "prisma/postgresql/migrations/20261130200000_search_terms_from_text/migration.sql",
    "utf8",
  );
  const ranges = [...SQL_WORD_CLASS.matchAll(/([^\x00-\x7f])-([^\x00-\x7f])/gu)].map(
    (m) => [m[1]!.codePointAt(0)!, m[2]!.codePointAt(0)!] as const,
  );

  it("reads the character class tokenize.ts's twin declares, after folding ASCII case", () => {
    expect(migration).toContain(`'${SQL_WORD_CLASS}+'`);
    expect(migration).toContain("translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')");
    expect(ranges).toEqual([
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
    ]);
  });

  it("classes as letters or digits only what tokenize.ts does", () => {
    const wordChar = /[\p{L}\p{N}]/u;
    for (const [from, to] of ranges)
      for (let cp = from; cp <= to; cp++) expect(wordChar.test(String.fromCodePoint(cp)), cp.toString(16)).toBe(true);
    for (const ch of "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
      expect(tokenizedInSql(ch)).toBe(true);
  });

  it("is trusted only with texts whose every letter and digit it knows", () => {
    expect(tokenizedInSql("左权县，PLC控制。“30万吨/年”㐀")).toBe(true);
    for (const text of ["Café", "かな", "한국", "𠀾字", "ＰＬＣ", "①"]) expect(tokenizedInSql(text), text).toBe(false);
    // The markers sit below every token's code, with the facets.
    expect(Math.max(FOLDS_CODE, TOKENS_GIVEN_CODE)).toBeLessThan(facetCode("sec0")!);
  });
});
