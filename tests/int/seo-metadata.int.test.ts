import type { Metadata } from "next";
import { createElement, isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonLd } from "@/components/seo/json-ld";
import { getArticle } from "@/lib/db/articles";
import { db } from "@/lib/db/client";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { listingPath } from "@/lib/urls";
import { checkJsonLd, loadSchemaOrg } from "../helpers/schema-org";
import { HOSTILE_TITLE, SITE_ORIGIN, ingestSeoContent } from "../helpers/seo-content";

// What every page puts in its <head> (generateMetadata) and its JSON-LD, called as
// Next calls them: with params still percent-encoded.

let tree: { dispose(): void };
beforeAll(async () => {
  tree = await ingestSeoContent();
});
afterAll(() => tree?.dispose());

const abs = (path: string) => `${SITE_ORIGIN}${path}`;
const enc = encodeURIComponent;
type Params<T> = { params: Promise<T> };
const params = <T>(p: T): Params<T> => ({ params: Promise.resolve(p) });

/** Next's notFound() and redirects throw errors whose digest says what happened. */
async function digestOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return String((e as { digest?: string }).digest);
  }
  return "resolved";
}

type RssAlternates = { url: string; title: string }[];
const feedsOf = (m: Metadata, type = "application/rss+xml") =>
  (m.alternates?.types?.[type] as RssAlternates).map((f) => f.url);

describe("article pages", () => {
  it("have a canonical URL, Open Graph article tags, a Twitter card and the feeds that fit", async () => {
    const { generateMetadata } = await import("@/app/articles/[slug]/page");
    const m = await generateMetadata(params({ slug: "recent-story" }));
    const a = (await getArticle("recent-story"))!;
    const url = abs("/articles/recent-story");
    expect(m.title).toBe("刚刚发布的报道");
    expect(m.description).toBe(a.excerpt);
    expect(m.alternates?.canonical).toBe(url);
    expect(m.openGraph).toEqual({
      type: "article",
      url,
      title: "刚刚发布的报道",
      description: a.excerpt,
      siteName: "左权报",
      locale: "zh_CN",
      publishedTime: a.publishedAt.toISOString(),
      modifiedTime: a.publishedAt.toISOString(),
      section: "乡村振兴",
      tags: ["乡村振兴", "新闻测试"],
      authors: [abs(listingPath("author", "测试记者")), abs(listingPath("author", "景亚萱"))],
    });
    expect(m.twitter).toEqual({ card: "summary", title: "刚刚发布的报道", description: a.excerpt });
    expect(feedsOf(m)).toEqual([
      abs("/feed.xml"),
      abs("/sections/rural/feed.xml"),
      abs("/columns/fenjin-xin-zhengcheng/feed.xml"),
    ]);
    expect(feedsOf(m, "application/atom+xml")).toEqual([
      abs("/atom.xml"),
      abs("/sections/rural/atom.xml"),
      abs("/columns/fenjin-xin-zhengcheng/atom.xml"),
    ]);
    expect((m.alternates?.types?.["application/rss+xml"] as RssAlternates).map((f) => f.title)).toEqual([
      "左权报",
      "左权报 · 版块：乡村振兴",
      "左权报 · 栏目：奋进新征程 建功新时代",
    ]);
  });

  it("carry the date of the latest correction as modified time", async () => {
    const { generateMetadata } = await import("@/app/articles/[slug]/page");
    const m = (await generateMetadata(params({ slug: "corrected-story" }))) as {
      openGraph: { publishedTime: string; modifiedTime: string };
    };
    expect(m.openGraph.publishedTime).toBe("2023-01-10T00:00:00.000Z");
    expect(m.openGraph.modifiedTime).toBe("2023-01-31T16:00:00.000Z");
  });

  it("are 404 for a draft or a scheduled story", async () => {
    const { generateMetadata } = await import("@/app/articles/[slug]/page");
    expect(await digestOf(generateMetadata(params({ slug: "secret-draft" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(generateMetadata(params({ slug: "scheduled" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("listing pages", () => {
  it("a tag page: canonical, its own feed and the paper's, Open Graph and card", async () => {
    const { generateMetadata } = await import("@/app/tags/[tag]/page");
    const m = await generateMetadata(params({ tag: enc("乡村振兴") }));
    const url = abs(listingPath("tag", "乡村振兴"));
    expect(url).toBe(`${SITE_ORIGIN}/tags/%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4`);
    expect(m.title).toBe("乡村振兴");
    expect(m.description).toBe("标签“乡村振兴”的全部报道。");
    expect(m.alternates?.canonical).toBe(url);
    expect(feedsOf(m)).toEqual([`${url}/feed.xml`, abs("/feed.xml")]);
    expect(feedsOf(m, "application/atom+xml")).toEqual([`${url}/atom.xml`, abs("/atom.xml")]);
    expect(m.openGraph).toEqual({
      type: "website",
      url,
      title: "乡村振兴",
      description: "标签“乡村振兴”的全部报道。",
      siteName: "左权报",
      locale: "zh_CN",
    });
    expect(m.twitter).toEqual({ card: "summary", title: "乡村振兴", description: "标签“乡村振兴”的全部报道。" });
  });

  it("a later page of a tag is its own canonical; page 1 redirects; past the end and hidden tags are 404", async () => {
    const { generateMetadata } = await import("@/app/tags/[tag]/page/[page]/page");
    const m = await generateMetadata(params({ tag: enc("乡村振兴"), page: "3" }));
    expect(m.alternates?.canonical).toBe(abs(listingPath("tag", "乡村振兴", 3)));
    expect(m.title).toBe("乡村振兴 · 第3页");
    expect(await digestOf(generateMetadata(params({ tag: enc("乡村振兴"), page: "1" })))).toMatch(
      /^NEXT_REDIRECT;.*;308;/,
    );
    expect(await digestOf(generateMetadata(params({ tag: enc("乡村振兴"), page: "4" })))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const first = await import("@/app/tags/[tag]/page");
    expect(await digestOf(first.generateMetadata(params({ tag: enc("草稿标签") })))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
  });

  it("section, column and author pages advertise their own feeds", async () => {
    const section = await (await import("@/app/sections/[slug]/page")).generateMetadata(params({ slug: "industry" }));
    expect(section.alternates?.canonical).toBe(abs("/sections/industry"));
    expect(section.description).toBe("工业项目、企业创新、招商引资与营商环境。");
    expect(feedsOf(section)[0]).toBe(abs("/sections/industry/feed.xml"));
    const column = await (
      await import("@/app/columns/[column]/page")
    ).generateMetadata(params({ column: "fenjin-xin-zhengcheng" }));
    expect(feedsOf(column)[0]).toBe(abs("/columns/fenjin-xin-zhengcheng/feed.xml"));
    const author = await (
      await import("@/app/authors/[author]/page/[page]/page")
    ).generateMetadata(params({ author: enc("测试记者"), page: "2" }));
    expect(author.alternates?.canonical).toBe(abs(listingPath("author", "测试记者", 2)));
    expect(feedsOf(author)).toEqual([abs(`${listingPath("author", "测试记者")}/feed.xml`), abs("/feed.xml")]);
  });
});

describe("the other pages", () => {
  it("the layout sets metadataBase, the title template and the paper's feeds", async () => {
    const { metadata } = await import("@/app/layout");
    expect(metadata.metadataBase?.toString()).toBe(`${SITE_ORIGIN}/`);
    expect(metadata.title).toEqual({ default: "左权报", template: "%s · 左权报" });
    expect(feedsOf(metadata)).toEqual([abs("/feed.xml")]);
  });

  it("the front page, the archive, an issue and search", async () => {
    const front = (await import("@/app/page")).generateMetadata();
    expect(front.alternates?.canonical).toBe(abs("/"));
    expect(front.title).toEqual({ absolute: "左权报" });
    expect(feedsOf(front)).toEqual([abs("/feed.xml")]);
    const archive = (await import("@/app/issues/page")).generateMetadata();
    expect(archive.alternates?.canonical).toBe(abs("/issues"));
    const issue = await (await import("@/app/issues/[issue]/page")).generateMetadata(params({ issue: "2023-01-10" }));
    expect(issue.alternates?.canonical).toBe(abs("/issues/2023-01-10"));
    expect(issue.title).toBe("2023年1月10日 第12期 报纸");
    expect(issue.description).not.toContain("草稿标题");
    expect(issue.description).not.toContain("定时发布");
    const search = await (
      await import("@/app/search/page")
    ).generateMetadata({ searchParams: Promise.resolve({ q: "乳胶" }) });
    expect(search.robots).toEqual({ index: false, follow: true });
    expect(search.title).toBe("搜索：乳胶");
    const searchPage = await (
      await import("@/app/search/page")
    ).generateMetadata({ searchParams: Promise.resolve({}) });
    expect(searchPage.robots).toBeUndefined();
    expect(searchPage.alternates?.canonical).toBe(abs("/search"));
    expect(searchPage.description).toMatch(/搜索/);
  });
});

/** The JsonLd element a page puts first in its fragment. */
async function pageJsonLd(render: unknown): Promise<unknown> {
  const el = (await render) as ReactElement<{ children: ReactElement<{ data: unknown }>[] }>;
  expect(isValidElement(el)).toBe(true);
  const first = el.props.children[0]!;
  expect(first.type).toBe(JsonLd);
  return first.props.data;
}

describe("JSON-LD", () => {
  it("the schema.org vocabulary is loaded from its package", () => {
    const v = loadSchemaOrg();
    for (const t of ["NewsArticle", "NewsMediaOrganization", "BreadcrumbList", "CollectionPage", "PublicationIssue"])
      expect(v.classes.has(t), t).toBe(true);
    for (const p of ["printEdition", "printSection", "printColumn", "alternativeHeadline", "wordCount"])
      expect(v.properties.has(p), p).toBe(true);
    // The checker catches what it should.
    expect(checkJsonLd({ "@context": "https://schema.org", "@type": "NewsArticle", headlin: "x" })).toEqual([
      `$.headlin: "headlin" is not a schema.org property`,
    ]);
    expect(checkJsonLd({ "@context": "https://schema.org", "@type": "NewsArticel" })).toHaveLength(1);
    expect(checkJsonLd({ "@context": "https://schema.org", "@type": "Person", printEdition: "x" })).toHaveLength(1);
    expect(
      checkJsonLd({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        author: { "@type": "ImageObject", url: "x" },
      }),
    ).toHaveLength(1);
    expect(checkJsonLd({ "@context": "https://schema.org", "@type": "NewsArticle", wordCount: "many" })).toHaveLength(
      1,
    );
  });

  it("an article page: NewsArticle with the print fields, and its breadcrumbs, all valid schema.org", async () => {
    const { default: ArticlePage } = await import("@/app/articles/[slug]/page");
    const data = (await pageJsonLd(ArticlePage(params({ slug: "recent-story" })))) as Record<string, unknown>[];
    expect(checkJsonLd(data)).toEqual([]);
    const [article, crumbs] = data;
    const a = (await getArticle("recent-story"))!;
    expect(article).toMatchObject({
      "@type": "NewsArticle",
      url: abs("/articles/recent-story"),
      headline: "刚刚发布的报道",
      alternativeHeadline: "副标题在此",
      datePublished: a.publishedAt.toISOString(),
      dateModified: a.publishedAt.toISOString(),
      author: [
        { "@type": "Person", name: "测试记者", url: abs(listingPath("author", "测试记者")) },
        { "@type": "Person", name: "景亚萱", url: abs(listingPath("author", "景亚萱")) },
      ],
      publisher: { "@type": "NewsMediaOrganization", name: "左权报" },
      articleSection: "乡村振兴",
      keywords: ["乡村振兴", "新闻测试"],
      wordCount: a.charCount,
      printEdition: "2023-01-10",
      printSection: "乡村振兴",
      printColumn: "奋进新征程 建功新时代",
    });
    expect(article).not.toHaveProperty("printPage");
    expect(crumbs).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "首页", item: { "@id": abs("/") } },
        { "@type": "ListItem", position: 2, name: "乡村振兴", item: { "@id": abs("/sections/rural") } },
        { "@type": "ListItem", position: 3, name: "刚刚发布的报道", item: { "@id": abs("/articles/recent-story") } },
      ],
    });
  });

  it("every visible article's JSON-LD is valid, without a column or subtitle too", async () => {
    const slugs = await db.article.findMany({
      where: { draft: false, publishedAt: { lte: new Date() } },
      select: { slug: true },
    });
    for (const { slug } of slugs) {
      const data = articleJsonLd((await getArticle(slug))!);
      expect(checkJsonLd(data), slug).toEqual([]);
    }
    const plain = articleJsonLd((await getArticle("jinyu-shuini-chuangxin"))!)[0]!;
    expect(plain).not.toHaveProperty("printColumn");
    expect(plain).not.toHaveProperty("alternativeHeadline");
  });

  it("list pages: CollectionPage for sections, columns, tags, bylines, an issue and the archive", async () => {
    const pages: [string, unknown][] = [
      ["section", (await import("@/app/sections/[slug]/page")).default(params({ slug: "rural" }))],
      [
        "section p2",
        (await import("@/app/sections/[slug]/page/[page]/page")).default(params({ slug: "rural", page: "2" })),
      ],
      ["column", (await import("@/app/columns/[column]/page")).default(params({ column: "fenjin-xin-zhengcheng" }))],
      ["tag", (await import("@/app/tags/[tag]/page")).default(params({ tag: enc("乡村振兴") }))],
      [
        "tag p2",
        (await import("@/app/tags/[tag]/page/[page]/page")).default(params({ tag: enc("乡村振兴"), page: "2" })),
      ],
      ["author", (await import("@/app/authors/[author]/page")).default(params({ author: enc("测试记者") }))],
      [
        "author p3",
        (await import("@/app/authors/[author]/page/[page]/page")).default(
          params({ author: enc("测试记者"), page: "3" }),
        ),
      ],
      ["issue", (await import("@/app/issues/[issue]/page")).default(params({ issue: "2023-01-10" }))],
      ["archive", (await import("@/app/issues/page")).default()],
    ];
    for (const [name, render] of pages) {
      const data = (await pageJsonLd(render)) as Record<string, unknown>;
      expect(data["@type"], name).toBe("CollectionPage");
      expect(checkJsonLd(data), name).toEqual([]);
    }
    const tagPage2 = (await pageJsonLd(
      (await import("@/app/tags/[tag]/page/[page]/page")).default(params({ tag: enc("乡村振兴"), page: "2" })),
    )) as {
      url: string;
      mainEntity: { itemListElement: { position: number; url: string }[] };
    };
    expect(tagPage2.url).toBe(abs(listingPath("tag", "乡村振兴", 2)));
    expect(tagPage2.mainEntity.itemListElement[0]!.position).toBe(21);
    const issue = (await pageJsonLd(
      (await import("@/app/issues/[issue]/page")).default(params({ issue: "2023-01-10" })),
    )) as {
      about: unknown;
      mainEntity: { itemListElement: { url: string }[] };
    };
    expect(issue.about).toEqual({
      "@type": "PublicationIssue",
      url: abs("/issues/2023-01-10"),
      datePublished: "2023-01-10",
      issueNumber: 12,
      isPartOf: { "@type": "Periodical", name: "左权报" },
    });
    expect(issue.mainEntity.itemListElement.map((i) => i.url)).toEqual(
      ["recent-story", "corrected-story", "hostile-title"].map((s) => abs(`/articles/${s}`)),
    );
  });

  it("the front page: the site and its publisher", async () => {
    const { default: FrontPage } = await import("@/app/page");
    const data = await pageJsonLd(FrontPage());
    expect(checkJsonLd(data)).toEqual([]);
    expect(data).toMatchObject({
      "@type": "WebSite",
      url: abs("/"),
      publisher: { "@type": "NewsMediaOrganization", name: "左权报" },
    });
  });

  it("renders as one script whose text cannot end the element, and parses back to the same data", async () => {
    const data = articleJsonLd((await getArticle("hostile-title"))!);
    const html = renderToStaticMarkup(createElement(JsonLd, { data }));
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html);
    expect(match).not.toBeNull();
    const text = match![1]!;
    expect(text).not.toContain("<");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)).toEqual(data);
    expect((JSON.parse(text) as { headline: string }[])[0]!.headline).toBe(HOSTILE_TITLE);
    expect(renderToStaticMarkup(createElement(JsonLd, { data: null }))).toBe("");
  });
});
