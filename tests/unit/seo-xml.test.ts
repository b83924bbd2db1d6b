import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { type FeedDocument, renderAtom, renderRss } from "@/lib/seo/feed";
import {
  renderNewsSitemap,
  renderSitemap,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_LIMITS,
  sitemapEntries,
  sitemapPartsBound,
  splitSitemap,
  type SitemapEntry,
} from "@/lib/seo/sitemap";
import { xmlText } from "@/lib/seo/xml";

// The XML writers against text that breaks naive ones: markup, entity-shaped text,
// CDATA ends, quotes, characters XML cannot hold. What goes in must come back out.

const NASTY = [
  `<b>加粗</b> & 符号`,
  "&amp; &lt; &nbsp; &#0; &#x41; &unknown;",
  "]]> 两次 ]]>",
  `"双引号" 'single' \u201C弯引号\u201D`,
  "</script><script>alert(1)</script>",
  "控制字符\u0000\u0001\u0008\u000B\u001F保留换行\n与制表\t",
  "孤立代理\uD800与\uFFFE字符",
  "🎈 emoji 与 𠀀 扩展汉字",
];
/** What a parser gives back: the same text, less what XML 1.0 cannot hold. */
const survivable = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800\uFFFE]/g, "");

function doc(title: string): FeedDocument {
  const origin = "https://www.zuoquan.example";
  return {
    title,
    description: title,
    link: `${origin}/`,
    self: { rss: `${origin}/feed.xml`, atom: `${origin}/atom.xml` },
    updated: new Date("2023-01-10T00:00:00Z"),
    author: { name: "左权报", uri: `${origin}/` },
    entries: [
      {
        id: `${origin}/articles/a`,
        title,
        link: `${origin}/articles/a`,
        published: new Date("2023-01-09T16:00:00Z"),
        updated: new Date("2023-01-10T16:00:00Z"),
        summary: title,
        contentHtml: `<p>${title}</p>`,
        authors: [{ name: title, uri: `${origin}/authors/x` }],
        categories: [{ term: title, scheme: `${origin}/tags/` }],
      },
    ],
  };
}

describe("feeds carry any text", () => {
  const rss = new Parser<Record<string, unknown>, { creator?: string; categories?: { _: string }[] }>();
  const atom = new Parser<Record<string, unknown>, { cat?: { $: { term: string } } }>({
    customFields: { item: [["category", "cat"]] },
  });

  it.each(NASTY)("RSS: %j", async (text) => {
    const xml = renderRss(doc(text));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await rss.parseString(xml);
    const want = survivable(text);
    expect(feed.title).toBe(want);
    const item = feed.items[0]!;
    expect(item.title).toBe(want);
    expect(item.creator).toBe(want);
    expect(item.categories![0]!._).toBe(want);
    expect((item as Record<string, unknown>)["content:encoded"]).toBe(`<p>${want}</p>`);
  });

  it.each(NASTY)("Atom: %j", async (text) => {
    const xml = renderAtom(doc(text));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await atom.parseString(xml);
    const want = survivable(text);
    expect(feed.title).toBe(want);
    const item = feed.items[0]!;
    expect(item.title).toBe(want);
    expect(item.content).toBe(`<p>${want}</p>`);
    expect((item as { summary?: string }).summary).toBe(want);
    expect(item.cat!.$.term).toBe(want);
  });

  it("xmlText escapes every & once, so the builder leaves none looking like an entity", () => {
    expect(xmlText("a &amp; b & c")).toBe("a &amp;amp; b &amp; c");
  });
});

describe("sitemaps", () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "url" || n === "sitemap" });
  const entries: SitemapEntry[] = Array.from({ length: 25 }, (_, i) => ({
    loc: `https://www.zuoquan.example/tags/${encodeURIComponent(`标签${i}`)}`,
    lastmod: new Date(Date.UTC(2023, 0, 1 + i)),
  }));

  it("splits by URL count and by size, keeping order and losing nothing", () => {
    const byCount = splitSitemap(entries, { urls: 10, bytes: 50 * 1024 * 1024 });
    expect(byCount.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(byCount.flat()).toEqual(entries);
    const bySize = splitSitemap(entries, { urls: 50_000, bytes: 1000 });
    expect(bySize.length).toBeGreaterThan(1);
    expect(bySize.flat()).toEqual(entries);
    for (const part of bySize) expect(Buffer.byteLength(renderUrlset(part))).toBeLessThanOrEqual(1000);
    expect(splitSitemap([])).toEqual([[]]);
  });

  it("writes a urlset while it fits, an index of parts once it does not", () => {
    const one = parser.parse(renderSitemap(entries)) as { urlset: { url: { loc: string; lastmod: string }[] } };
    expect(one.urlset.url.map((u) => u.loc)).toEqual(entries.map((e) => e.loc));
    expect(one.urlset.url[0]!.lastmod).toBe("2023-01-01T00:00:00Z");
    const index = parser.parse(renderSitemap(entries, { urls: 10, bytes: 1e9 })) as {
      sitemapindex: { sitemap: { loc: string; lastmod: string }[] };
    };
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: "http://localhost:3000/sitemaps/1.xml", lastmod: "2023-01-10T00:00:00Z" },
      { loc: "http://localhost:3000/sitemaps/2.xml", lastmod: "2023-01-20T00:00:00Z" },
      { loc: "http://localhost:3000/sitemaps/3.xml", lastmod: "2023-01-25T00:00:00Z" },
    ]);
    expect(XMLValidator.validate(renderSitemapIndex([[]]))).toBe(true);
    expect(XMLValidator.validate(renderUrlset([]))).toBe(true);
  });

  it("writes a news sitemap whose titles survive escaping", () => {
    const xml = renderNewsSitemap(
      NASTY.map((title, i) => ({ slug: `s-${i}`, title, publishedAt: new Date("2023-01-10T00:00:00Z") })),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      isArray: (n) => n === "url",
      processEntities: true,
      htmlEntities: false,
      trimValues: false,
      parseTagValue: false,
    }).parse(xml) as {
      urlset: { url: { "news:news": { "news:title": string } }[] };
    };
    expect(parsed.urlset.url.map((u) => u["news:news"]["news:title"])).toEqual(NASTY.map(survivable));
  });
});

describe("sitemap parts", () => {
  it("stay within the bound every server and ingest uses, whatever the archive's shape", () => {
    const day = new Date("2024-01-01T00:00:00Z");
    for (const [articles, issues, tags] of [
      [0, 0, 0],
      [4_999, 500, 3],
      [12_345, 1_234, 40],
      [100_000, 11_000, 500],
    ] as const) {
      // Each story in one section, no column, one tag (stories spread over the tags), one byline.
      const perTag = tags ? Math.ceil(articles / tags) : 0;
      const listings = [
        { kind: "section" as const, key: "news", pageCount: Math.max(1, Math.ceil(articles / 20)), lastModified: day },
        ...Array.from({ length: tags }, (_, i) => ({
          kind: "tag" as const,
          key: `标签${i}`,
          pageCount: Math.max(1, Math.ceil(perTag / 20)),
          lastModified: day,
        })),
        { kind: "author" as const, key: "张三", pageCount: Math.max(1, Math.ceil(articles / 20)), lastModified: day },
      ];
      const entries = sitemapEntries({
        lastModified: day,
        issueArchivePageCount: Math.max(1, Math.ceil(issues / 30)),
        issues: Array.from({ length: issues }, (_, i) => ({ slug: `2024-01-${i}`, lastModified: day })),
        articles: Array.from({ length: articles }, (_, i) => ({ slug: `story-${i}`, lastModified: day })),
        listings,
      });
      const parts = splitSitemap(entries);
      expect(parts.every((p) => p.length <= SITEMAP_LIMITS.urls)).toBe(true);
      const bound = sitemapPartsBound(
        { articles, issues, subjects: 2 + tags, listed: articles + tags * perTag + articles },
        20,
        30,
      );
      expect(parts.length).toBeLessThanOrEqual(bound);
    }
  });
});
