import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { getArticle } from "@/lib/db/articles";
import { ingestContent } from "@/lib/ingest/ingest";
import { getIssue, getLatestIssue } from "@/lib/db/issues";
import { getListing, listIndex, listSections } from "@/lib/db/listings";

describe("queries on the source issue", () => {
  beforeAll(async () => {
    await ingestContent(db, await loadContent("content"));
  });

  it("finds the latest issue with its lead story first", async () => {
    const issue = await getLatestIssue();
    expect(issue!.slug).toBe("2022-12-20");
    expect(issue!.articles[0]!.title).toBe("2023，为左权发展精准抓落实");
    expect(issue!.articles.map((a) => a.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await getIssue("2022-12-21")).toBeNull();
  });

  it("gives an article its bylines, tags, neighbours in the issue and related stories", async () => {
    const a = await getArticle("jinyu-shuini-chuangxin");
    expect(a).toMatchObject({
      kicker: "左权金隅水泥有限公司",
      dateline: "本报讯",
      bylines: ["王磊"],
      section: { slug: "industry", name: "产业经济" },
    });
    expect(a!.previous!.slug).toBe("liaoyang-xiangcun-zhenxing");
    expect(a!.next!.slug).toBe("rujiao-chanyeyuan-touchan");
    // Both tagged 党的二十大精神.
    expect(a!.related.map((r) => r.slug)).toContain("liaoyang-xiangcun-zhenxing");
    expect(a!.related.map((r) => r.slug)).not.toContain("jinyu-shuini-chuangxin");
    const first = await getArticle("2023-jingzhun-zhua-luoshi");
    expect(first!.previous).toBeNull();
    expect(await getArticle("nope")).toBeNull();
  });

  it("lists by section, column, Chinese tag and byline", async () => {
    expect((await getListing("section", "industry", 1))!.articles.items.map((a) => a.slug).sort()).toEqual([
      "jinyu-shuini-chuangxin",
      "rujiao-chanyeyuan-touchan",
    ]);
    expect((await getListing("column", "ershida-jingshen-zai-jinzhong", 1))!.name).toBe("二十大精神在晋中");
    expect((await getListing("tag", "乡村振兴", 1))!.articles.items.map((a) => a.slug)).toEqual([
      "liaoyang-xiangcun-zhenxing",
    ]);
    expect((await getListing("author", "李斌", 1))!.articles.items.map((a) => a.slug)).toEqual([
      "rujiao-chanyeyuan-touchan",
    ]);
    // Mentioned in a story, but wrote none.
    expect(await getListing("author", "石勇", 1)).toBeNull();
    expect(await getListing("tag", "不存在", 1)).toBeNull();
    expect((await listSections()).map((s) => s.slug)).toEqual(["commentary", "governance", "rural", "industry"]);
  });

  it("indexes every section, column, tag and byline with its count of stories, each as its listing counts them", async () => {
    const sections = await listIndex("section");
    expect(sections.map((s) => [s.key, s.count])).toEqual([
      ["commentary", 1],
      ["governance", 1],
      ["rural", 1],
      ["industry", 2],
    ]);
    for (const kind of ["section", "column", "tag", "author"] as const) {
      const entries = await listIndex(kind);
      expect(entries.length, kind).toBeGreaterThan(0);
      for (const e of entries) {
        const listing = await getListing(kind, e.key, 1);
        expect(listing?.articles.total ?? 0, `${kind} ${e.key}`).toBe(e.count);
      }
    }
    // Tags and bylines most used first; 石勇 is mentioned, not a byline.
    const tags = await listIndex("tag");
    expect(tags[0]!.count).toBeGreaterThanOrEqual(tags.at(-1)!.count);
    expect((await listIndex("author")).map((a) => a.name)).not.toContain("石勇");
  });
});
