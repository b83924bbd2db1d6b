import { createElement } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleView } from "@/components/article/article-view";
import { parseContent } from "@/lib/content/parse";
import { getArticle } from "@/lib/db/articles";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { articleMd, contentTree, issueYaml } from "../helpers/content-fixtures";
import { checkJsonLd } from "../helpers/schema-org";

// Bylines keep the role printed before the name, photo credits stay apart from them, and a
// reprint keeps its source: stored by the ingest, read back for the page and its structured data.

const ISSUE = "content/issues/2023-01-03";

beforeAll(async () => {
  const files = contentTree({
    [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-03", ["first-story", "second-story", "reprint"]),
    [`${ISSUE}/first-story.md`]: articleMd({
      title: "春耕备耕正当时",
      bylines: "[{name: 王五, role: 全媒体记者}, {name: 赵六, role: 通讯员}, 钱七]",
      photoCredits: "[{name: 孙八, role: 记者}]",
    }),
    [`${ISSUE}/reprint.md`]: articleMd({
      title: "转载的报道",
      bylines: "[{name: 周九, role: 记者}]",
      source: "新华社",
    }),
  });
  await ingestContent(db, parseContent(files));
});

describe("credits and sources", () => {
  it("keeps each byline's role in print order, and photo credits apart from them", async () => {
    const article = (await getArticle("first-story"))!;
    expect(article.bylines).toEqual(["王五", "赵六", "钱七"]);
    expect(article.credits).toEqual([
      { name: "王五", role: "全媒体记者" },
      { name: "赵六", role: "通讯员" },
      { name: "钱七", role: null },
    ]);
    expect(article.photoCredits).toEqual([{ name: "孙八", role: "记者" }]);
    expect(article.source).toBeNull();
  });

  it("keeps a reprint's source", async () => {
    expect((await getArticle("reprint"))!.source).toBe("新华社");
  });

  it("shows roles before the names, the photographers and the source on the page", async () => {
    // Rendered as the server renders it: the view holds async server components (its 见报 link).
    const page = async (slug: string) => {
      const { prelude } = await prerenderToNodeStream(
        createElement(ArticleView, { article: (await getArticle(slug))! }),
      );
      let html = "";
      for await (const chunk of prelude) html += String(chunk);
      return html;
    };
    const first = (await page("first-story")).replace(/<[^>]+>/g, "");
    expect(first).toContain("全媒体记者 王五 通讯员 赵六 钱七");
    expect(first).toContain("摄影：记者 孙八");
    expect((await page("reprint")).replace(/<[^>]+>/g, "")).toContain("来源：新华社");
  });

  it("puts roles, photographers and the source in the structured data", async () => {
    const [news] = articleJsonLd((await getArticle("first-story"))!) as unknown as Record<string, unknown>[];
    expect(news!.author).toEqual([
      expect.objectContaining({ "@type": "Person", name: "王五", jobTitle: "全媒体记者" }),
      expect.objectContaining({ "@type": "Person", name: "赵六", jobTitle: "通讯员" }),
      expect.not.objectContaining({ jobTitle: expect.anything() }),
    ]);
    expect(news!.contributor).toEqual([{ "@type": "Person", name: "孙八", jobTitle: "记者" }]);
    const [reprint] = articleJsonLd((await getArticle("reprint"))!) as unknown as Record<string, unknown>[];
    expect(reprint!.sourceOrganization).toEqual({ "@type": "Organization", name: "新华社" });
    expect(checkJsonLd(news)).toEqual([]);
    expect(checkJsonLd(reprint)).toEqual([]);
  });
});
