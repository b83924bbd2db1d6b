import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import type { ContentSet } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { ingestContent, pagesToRefresh } from "@/lib/ingest/ingest";
import { articlePath, feedPath, issuePath, listingPath } from "@/lib/urls";

// An ingest names the pages its changes show on, and only those: the servers drop exactly them.

let content: ContentSet;
const SLUG = "rujiao-chanyeyuan-touchan";

/** The content with one article's body changed and, optionally, its tags. */
function edited(tags?: string[]): ContentSet {
  return {
    ...content,
    articles: content.articles.map((a) =>
      a.slug !== SLUG
        ? a
        : {
            ...a,
            hash: `${a.hash}-edited-${tags?.join() ?? ""}`,
            body: `${a.body}\n\n补充一段。\n`,
            frontmatter: { ...a.frontmatter, tags: tags ?? a.frontmatter.tags },
          },
    ),
  };
}

beforeAll(async () => {
  content = await loadContent("content");
});

describe("pages to refresh after an ingest", () => {
  it("are all of them on a first ingest (the navigation's sections are new), and none when nothing changed", async () => {
    expect(pagesToRefresh(await ingestContent(db, content))).toBe("all");
    const again = await ingestContent(db, content);
    expect(again.refreshAll).toBe(false);
    expect(pagesToRefresh(again)).toEqual([]);
  });

  it("are the pages that show a changed article, and not the others", async () => {
    const pages = pagesToRefresh(await ingestContent(db, edited()));
    if (pages === "all") throw new Error("expected a list of pages");
    const expected = [
      "/",
      articlePath(SLUG),
      issuePath("2022-12-20"),
      // The print page it ran on, and its month in the archive's calendar.
      "/issues/2022-12-20/pages/1",
      "/issues/months/2022-12",
      // Its issue-mates link to it as previous or next.
      articlePath("jinyu-shuini-chuangxin"),
      listingPath("section", "industry"),
      listingPath("tag", "乳胶产业园"),
      listingPath("tag", "招商引资"),
      listingPath("author", "军星"),
      listingPath("author", "李斌"),
      feedPath("rss"),
      feedPath("atom"),
      feedPath("rss", { kind: "section", key: "industry" }),
      "/sitemap.xml",
    ];
    expect(pages).toEqual(expect.arrayContaining(expected));
    // Listings it is not in stay cached.
    for (const other of [
      listingPath("section", "commentary"),
      listingPath("section", "rural"),
      listingPath("tag", "乡村振兴"),
      listingPath("author", "陈晓文"),
      listingPath("column", "fenjin-xin-zhengcheng"),
    ])
      expect(pages).not.toContain(other);
  });

  it("include the listings an article left as well as those it joined", async () => {
    const pages = pagesToRefresh(await ingestContent(db, edited(["新标签"])));
    if (pages === "all") throw new Error("expected a list of pages");
    expect(pages).toEqual(expect.arrayContaining([listingPath("tag", "新标签"), listingPath("tag", "乳胶产业园")]));
  });
});
