import { XMLParser, XMLValidator } from "fast-xml-parser";
// Next's own serializer for robots.ts, as the built site runs it.
import { resolveRobots } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getSitemapData } from "@/lib/db/feeds";
import { issueDate } from "@/lib/dates";
import { renderSitemap, sitemapEntries } from "@/lib/seo/sitemap";
import { articlePath, authorPath, issuePath, issuesPath, listingPath, tagPath } from "@/lib/urls";
import { HIDDEN_NAMES, HIDDEN_SLUGS, SITE_ORIGIN, ingestSeoContent } from "../helpers/seo-content";

let tree: { dispose(): void };
beforeAll(async () => {
  tree = await ingestSeoContent();
});
afterAll(() => tree?.dispose());

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["url", "sitemap"].includes(name) });
type Url = { loc: string; lastmod?: string; "news:news"?: Record<string, unknown> };

async function body(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  const xml = await res.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return {
    xml,
    doc: parser.parse(xml) as {
      urlset?: { url?: Url[]; "@_xmlns": string };
      sitemapindex?: { sitemap: { loc: string; lastmod?: string }[] };
    },
  };
}

const abs = (path: string) => `${SITE_ORIGIN}${path}`;
const visible = () => ({ draft: false, publishedAt: { lte: new Date() } });

/** The oracle: every public page, worked out from the tables and the site's link builders. */
async function expectedLocs(): Promise<Set<string>> {
  const where = visible();
  const [articles, issues, sections, columns, tags, authors] = await Promise.all([
    db.article.findMany({ where, select: { slug: true } }),
    db.issue.findMany({ where: { articles: { some: where } }, select: { slug: true } }),
    db.section.findMany({ select: { slug: true, _count: { select: { articles: { where } } } } }),
    db.column.findMany({ select: { slug: true, _count: { select: { articles: { where } } } } }),
    db.tag.findMany({ select: { name: true, _count: { select: { articles: { where: { article: where } } } } } }),
    db.author.findMany({ select: { name: true, _count: { select: { bylines: { where: { article: where } } } } } }),
  ]);
  const locs = new Set([abs("/")]);
  const pages = (n: number) => Math.max(1, Math.ceil(n / 20));
  for (let p = 1; p <= Math.ceil(issues.length / 30); p++) locs.add(abs(issuesPath(p)));
  for (const i of issues) locs.add(abs(issuePath(i.slug)));
  for (const a of articles) locs.add(abs(articlePath(a.slug)));
  const listing = (kind: "section" | "column" | "tag" | "author", key: string, count: number) => {
    for (let p = 1; p <= pages(count); p++) locs.add(abs(listingPath(kind, key, p)));
  };
  for (const s of sections) listing("section", s.slug, s._count.articles);
  for (const c of columns) listing("column", c.slug, c._count.articles);
  for (const t of tags) if (t._count.articles > 0) listing("tag", t.name, t._count.articles);
  for (const a of authors) if (a._count.bylines > 0) listing("author", a.name, a._count.bylines);
  return locs;
}

describe("sitemap.xml", () => {
  it("lists every public page exactly once, with absolute URLs, and nothing else", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const { doc } = await body(await GET());
    expect(doc.urlset!["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.urlset!.url!.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(new Set(locs)).toEqual(await expectedLocs());
  });

  it("covers each kind of page, paginated listings to their last page", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const locs = new Set((await body(await GET())).doc.urlset!.url!.map((u) => u.loc));
    for (const path of [
      "/",
      "/issues",
      "/issues/2022-12-20",
      "/issues/2023-01-10",
      "/articles/jinyu-shuini-chuangxin",
      "/articles/recent-story",
      "/sections/industry",
      "/sections/rural/page/2",
      "/columns/ershida-jingshen-zai-jinzhong",
      listingPath("tag", "乡村振兴"),
      listingPath("tag", "乡村振兴", 2),
      listingPath("tag", "乡村振兴", 3),
      listingPath("author", "测试记者", 3),
      listingPath("author", "军星"),
      listingPath("tag", "R&D<研发>"),
    ])
      expect(locs, path).toContain(abs(path));
    expect(locs).not.toContain(abs(listingPath("tag", "乡村振兴", 4)));
    expect(locs).not.toContain(abs("/issues/page/2"));
    expect(locs).not.toContain(abs("/search"));
  });

  it("leaves out drafts, scheduled stories, and bylines and tags seen only on them", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const { xml } = await body(await GET());
    for (const slug of HIDDEN_SLUGS) expect(xml).not.toContain(`/articles/${slug}<`);
    for (const name of HIDDEN_NAMES) expect(xml).not.toContain(encodeURIComponent(name));
    // 石勇 is mentioned in a story but wrote none: no author page.
    expect(xml).not.toContain(encodeURIComponent("石勇"));
  });

  it("dates each page by its newest change: a correction, a story's time, a listing's newest story", async () => {
    const { GET } = await import("@/app/sitemap.xml/route");
    const urls = new Map((await body(await GET())).doc.urlset!.url!.map((u) => [u.loc, u.lastmod]));
    expect(urls.get(abs("/articles/corrected-story"))).toBe("2023-01-31T16:00:00Z");
    expect(urls.get(abs("/articles/jinyu-shuini-chuangxin"))).toBe(
      issueDate("2022-12-20").toISOString().replace(".000", ""),
    );
    expect(urls.get(abs("/sections/governance"))).toBe("2023-01-31T16:00:00Z");
    // Its tag and its byline carry its correction too: no later story has either.
    expect(urls.get(abs(tagPath("基层治理")))).toBe("2023-01-31T16:00:00Z");
    expect(urls.get(abs(authorPath("崔丽娟")))).toBe("2023-01-31T16:00:00Z");
    const recent = await db.article.findUniqueOrThrow({
      where: { slug: "recent-story" },
      select: { publishedAt: true },
    });
    expect(urls.get(abs("/"))).toBe(recent.publishedAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
  });

  it("becomes an index of numbered parts past the protocol's limits, each part within them", async () => {
    const entries = sitemapEntries(await getSitemapData());
    expect(renderSitemap(entries)).toContain("<urlset");
    const index = parser.parse(renderSitemap(entries, { urls: 40, bytes: 50 * 1024 * 1024 })) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const parts = index.sitemapindex.sitemap.map((s) => s.loc);
    expect(parts).toEqual(
      Array.from({ length: Math.ceil(entries.length / 40) }, (_, i) => abs(`/sitemaps/${i + 1}.xml`)),
    );
    const bySize = parser.parse(renderSitemap(entries, { urls: 50_000, bytes: 4000 })) as {
      sitemapindex: { sitemap: unknown[] };
    };
    expect(bySize.sitemapindex.sitemap.length).toBeGreaterThan(1);
  });

  it("serves its parts at /sitemaps/N.xml (one part while everything fits), and 404 past them", async () => {
    const { GET } = await import("@/app/sitemaps/[file]/route");
    const part = (file: string) => GET(new Request(abs(`/sitemaps/${file}`)), { params: Promise.resolve({ file }) });
    const { doc } = await body(await part("1.xml"));
    expect(new Set(doc.urlset!.url!.map((u) => u.loc))).toEqual(await expectedLocs());
    for (const file of ["2.xml", "0.xml", "01.xml", "1", "x.xml"]) expect((await part(file)).status, file).toBe(404);
  });
});

describe("news-sitemap.xml", () => {
  it("lists the last two days' visible stories with Google News tags", async () => {
    const { GET } = await import("@/app/news-sitemap.xml/route");
    const { doc } = await body(await GET());
    const urls = doc.urlset!.url!;
    const recent = await db.article.findUniqueOrThrow({
      where: { slug: "recent-story" },
      select: { publishedAt: true, title: true },
    });
    expect(urls.map((u) => u.loc)).toEqual([abs("/articles/recent-story")]);
    expect(urls[0]!["news:news"]).toEqual({
      "news:publication": { "news:name": "左权报", "news:language": "zh-cn" },
      "news:publication_date": recent.publishedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      "news:title": recent.title,
    });
    expect((doc.urlset as Record<string, unknown>)["@_xmlns:news"]).toBe(
      "http://www.google.com/schemas/sitemap-news/0.9",
    );
  });

  it("is empty, and still valid, when nothing was published in the last two days", async () => {
    await db.article.update({
      where: { slug: "recent-story" },
      data: { publishedAt: new Date(Date.now() - 3 * 24 * 3600_000) },
    });
    const { GET } = await import("@/app/news-sitemap.xml/route");
    const { doc } = await body(await GET());
    expect(doc.urlset!.url ?? []).toEqual([]);
  });
});

describe("robots.txt", () => {
  it("allows the site, keeps crawlers out of search results and the API, and names both sitemaps", async () => {
    const { default: robots } = await import("@/app/robots");
    const text = resolveRobots(robots());
    const lines = text.trim().split("\n");
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    expect(lines).toContain("Disallow: /api/");
    expect(lines).toContain("Disallow: /search?");
    expect(lines).not.toContain("Disallow: /search");
    expect(lines).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${SITE_ORIGIN}/news-sitemap.xml`);
  });
});
