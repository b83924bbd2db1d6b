import { XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { issueDate } from "@/lib/dates";
import { articlePath, listingPath } from "@/lib/urls";
import {
  HIDDEN_NAMES,
  HIDDEN_SLUGS,
  HOSTILE_TAG,
  HOSTILE_TITLE,
  SITE_ORIGIN,
  ingestSeoContent,
} from "../helpers/seo-content";

// Every feed, RSS and Atom, for the paper and for each section, column, tag and byline,
// parsed with rss-parser and checked item by item against the database.

type Kind = "section" | "column" | "tag" | "author";
type Format = "rss" | "atom";

let tree: { dispose(): void };
beforeAll(async () => {
  tree = await ingestSeoContent();
});
afterAll(() => tree?.dispose());

const routes = {
  rss: {
    site: () => import("@/app/feed.xml/route"),
    section: () => import("@/app/sections/[slug]/feed.xml/route"),
    column: () => import("@/app/columns/[column]/feed.xml/route"),
    tag: () => import("@/app/tags/[tag]/feed.xml/route"),
    author: () => import("@/app/authors/[author]/feed.xml/route"),
  },
  atom: {
    site: () => import("@/app/atom.xml/route"),
    section: () => import("@/app/sections/[slug]/atom.xml/route"),
    column: () => import("@/app/columns/[column]/atom.xml/route"),
    tag: () => import("@/app/tags/[tag]/atom.xml/route"),
    author: () => import("@/app/authors/[author]/atom.xml/route"),
  },
} as const;
const paramName: Record<Kind, string> = { section: "slug", column: "column", tag: "tag", author: "author" };

/** Calls a feed's route handler as Next would: the param percent-encoded, as browsers send Chinese names. */
async function fetchFeed(format: Format, kind: Kind | null, key?: string): Promise<Response> {
  if (!kind) return (await routes[format].site()).GET();
  const { GET } = await routes[format][kind]();
  const raw = encodeURIComponent(key!);
  const url = `${SITE_ORIGIN}${listingPath(kind, key!)}/${format === "rss" ? "feed" : "atom"}.xml`;
  return (GET as (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(new Request(url), {
    params: Promise.resolve({ [paramName[kind]]: raw }),
  });
}

const rssParser = new Parser<
  Record<string, unknown>,
  { creators?: string[]; categoryList?: { _: string; $: { domain: string } }[] }
>({
  customFields: {
    item: [
      ["dc:creator", "creators", { keepArray: true }],
      ["category", "categoryList", { keepArray: true }],
    ],
  },
});
const atomParser = new Parser<
  Record<string, unknown>,
  {
    id?: string;
    authors?: { name: string[]; uri: string[] }[];
    published?: string;
    updated?: string;
    categoryList?: { $: { term: string; scheme: string } }[];
  }
>({
  customFields: {
    item: [
      ["author", "authors", { keepArray: true }],
      "published",
      "updated",
      ["category", "categoryList", { keepArray: true }],
    ],
  },
});

/** The oracle: what readers may see, straight from the tables, newest first, at most 50. */
async function expected(where: Prisma.ArticleWhereInput) {
  const rows = await db.article.findMany({
    where: { ...where, draft: false, publishedAt: { lte: new Date() } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: {
      slug: true,
      title: true,
      excerpt: true,
      publishedAt: true,
      corrections: true,
      section: { select: { name: true } },
      column: { select: { name: true } },
      bylines: { select: { author: { select: { name: true } } }, orderBy: { position: "asc" } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
    },
  });
  return rows.map((r) => {
    const corrections = JSON.parse(r.corrections) as { date: string }[];
    const updated = corrections.map((c) => issueDate(c.date)).reduce((d, c) => (c > d ? c : d), r.publishedAt);
    return {
      ...r,
      link: `${SITE_ORIGIN}${articlePath(r.slug)}`,
      updated,
      bylines: r.bylines.map((b) => b.author.name),
      categories: [r.section.name, ...(r.column ? [r.column.name] : []), ...r.tags.map((t) => t.tag.name)],
    };
  });
}

async function subjects(): Promise<{ kind: Kind; key: string; where: Prisma.ArticleWhereInput }[]> {
  const visible = { draft: false, publishedAt: { lte: new Date() } };
  const [sections, columns, tags, authors] = await Promise.all([
    db.section.findMany({ select: { id: true, slug: true } }),
    db.column.findMany({ select: { id: true, slug: true } }),
    db.tag.findMany({ where: { articles: { some: { article: visible } } }, select: { id: true, name: true } }),
    db.author.findMany({ where: { bylines: { some: { article: visible } } }, select: { id: true, name: true } }),
  ]);
  return [
    ...sections.map((s) => ({ kind: "section" as const, key: s.slug, where: { sectionId: s.id } })),
    ...columns.map((c) => ({ kind: "column" as const, key: c.slug, where: { columnId: c.id } })),
    ...tags.map((t) => ({ kind: "tag" as const, key: t.name, where: { tags: { some: { tagId: t.id } } } })),
    ...authors.map((a) => ({ kind: "author" as const, key: a.name, where: { bylines: { some: { authorId: a.id } } } })),
  ];
}

const toSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();

async function checkRss(res: Response, where: Prisma.ArticleWhereInput, selfPath: string, pagePath: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  const xml = await res.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = await rssParser.parseString(xml);
  expect(feed.link).toBe(`${SITE_ORIGIN}${pagePath}`);
  expect(feed.feedUrl).toBe(`${SITE_ORIGIN}${selfPath}`);
  const want = await expected(where);
  expect(feed.items.map((i) => i.title)).toEqual(want.map((a) => a.title));
  expect(feed.items.map((i) => i.link)).toEqual(want.map((a) => a.link));
  expect(feed.items.map((i) => i.guid)).toEqual(want.map((a) => a.link));
  // RFC 822 dates carry whole seconds.
  expect(feed.items.map((i) => i.isoDate)).toEqual(want.map((a) => toSecond(a.publishedAt)));
  expect(feed.items.map((i) => i.contentSnippet)).toEqual(want.map((a) => a.excerpt));
  expect(feed.items.map((i) => i.creators ?? [])).toEqual(want.map((a) => a.bylines));
  expect(feed.items.map((i) => (i.categoryList ?? []).map((c) => c._))).toEqual(want.map((a) => a.categories));
  return { feed, xml, want };
}

async function checkAtom(res: Response, where: Prisma.ArticleWhereInput, selfPath: string, pagePath: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await res.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = await atomParser.parseString(xml);
  expect(feed.link).toBe(`${SITE_ORIGIN}${pagePath}`);
  expect(feed.feedUrl).toBe(`${SITE_ORIGIN}${selfPath}`);
  const want = await expected(where);
  expect(feed.items.map((i) => i.title)).toEqual(want.map((a) => a.title));
  expect(feed.items.map((i) => i.link)).toEqual(want.map((a) => a.link));
  expect(feed.items.map((i) => i.id)).toEqual(want.map((a) => a.link));
  expect(feed.items.map((i) => i.published)).toEqual(want.map((a) => a.publishedAt.toISOString()));
  expect(feed.items.map((i) => i.updated)).toEqual(want.map((a) => a.updated.toISOString()));
  expect(feed.items.map((i) => i.summary)).toEqual(want.map((a) => a.excerpt));
  expect(feed.items.map((i) => (i.authors ?? []).map((p) => p.name[0]))).toEqual(want.map((a) => a.bylines));
  expect(feed.items.map((i) => (i.authors ?? []).map((p) => p.uri[0]))).toEqual(
    want.map((a) => a.bylines.map((n) => `${SITE_ORIGIN}${listingPath("author", n)}`)),
  );
  expect(feed.items.map((i) => (i.categoryList ?? []).map((c) => c.$.term))).toEqual(want.map((a) => a.categories));
  // The feed's newest change is its <updated>.
  const newest = want.reduce((d, a) => (a.updated > d ? a.updated : d), new Date(0));
  expect(feed.lastBuildDate).toBe(newest.toISOString());
  return { feed, xml, want };
}

describe("the paper's feeds", () => {
  it("RSS 2.0: the 50 newest visible stories, newest first, with absolute links, dates, bylines and tags", async () => {
    const { feed, want } = await checkRss(await fetchFeed("rss", null), {}, "/feed.xml", "/");
    expect(feed.title).toBe("左权报");
    expect(feed.language).toBe("zh-cn");
    // More than 50 stories are visible: the feed stops at 50.
    expect(await db.article.count({ where: { draft: false, publishedAt: { lte: new Date() } } })).toBeGreaterThan(50);
    expect(want).toHaveLength(50);
    const dates = feed.items.map((i) => Date.parse(i.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("Atom 1.0: the same stories, with published and updated dates (a correction updates a story)", async () => {
    const { feed } = await checkAtom(await fetchFeed("atom", null), {}, "/atom.xml", "/");
    expect(feed.title).toBe("左权报");
    const corrected = feed.items.find((i) => i.link!.endsWith("/articles/corrected-story"))!;
    expect(corrected.published).toBe("2023-01-10T00:00:00.000Z");
    expect(corrected.updated).toBe("2023-01-31T16:00:00.000Z");
  });

  it.each(["rss", "atom"] as const)(
    "%s: never lists a draft or a scheduled story, nor their bylines and tags",
    async (format) => {
      const xml = await (await fetchFeed(format, null)).text();
      for (const slug of HIDDEN_SLUGS) expect(xml).not.toContain(`/articles/${slug}`);
      for (const name of [...HIDDEN_NAMES, "草稿标题", "定时发布"]) expect(xml).not.toContain(name);
    },
  );

  it.each(["rss", "atom"] as const)(
    "%s: carries a hostile title and tag through escaping unchanged",
    async (format) => {
      const xml = await (await fetchFeed(format, null)).text();
      const feed = format === "rss" ? await rssParser.parseString(xml) : await atomParser.parseString(xml);
      const item = feed.items.find((i) => i.link === `${SITE_ORIGIN}/articles/hostile-title`)!;
      expect(item.title).toBe(HOSTILE_TITLE);
      expect(xml).not.toContain("</script>");
      expect(xml).not.toContain("]]>");
      expect(xml).not.toContain("&nbsp;");
      // The body's HTML arrives exactly as stored (escaped once more for XML, and unescaped by the parser).
      const { html, excerpt } = await db.article.findUniqueOrThrow({
        where: { slug: "hostile-title" },
        select: { html: true, excerpt: true },
      });
      expect(html).toContain("&#x3C;不是标签>");
      expect(format === "rss" ? (item as Record<string, unknown>)["content:encoded"] : item.content).toBe(html);
      // RSS readers take <description> as HTML: the plain-text excerpt is escaped for that, once.
      if (format === "rss")
        expect(item.content).toBe(excerpt.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      else expect((item as { summary?: string }).summary).toBe(excerpt);
      const tagged =
        format === "rss"
          ? (item as { categoryList?: { _: string }[] }).categoryList!.map((c) => c._)
          : (item as { categoryList?: { $: { term: string } }[] }).categoryList!.map((c) => c.$.term);
      expect(tagged).toContain(HOSTILE_TAG);
    },
  );
});

describe("feeds of each section, column, tag and byline", () => {
  it.each(["rss", "atom"] as const)("%s: every subject's feed matches its visible stories", async (format) => {
    const all = await subjects();
    expect(all.filter((s) => s.kind === "tag").length).toBeGreaterThan(10);
    for (const s of all) {
      const page = listingPath(s.kind, s.key);
      const self = `${page}/${format === "rss" ? "feed" : "atom"}.xml`;
      const check = format === "rss" ? checkRss : checkAtom;
      const { feed } = await check(await fetchFeed(format, s.kind, s.key), s.where, self, page);
      expect(feed.title, `${s.kind} ${s.key}`).toMatch(/^左权报 · (版块|栏目|标签|作者)：/);
    }
  });

  it("names the subject in the feed's title, and stops at 50 for a tag with more stories", async () => {
    const { feed } = await checkRss(
      await fetchFeed("rss", "tag", "乡村振兴"),
      { tags: { some: { tag: { name: "乡村振兴" } } } },
      `${listingPath("tag", "乡村振兴")}/feed.xml`,
      listingPath("tag", "乡村振兴"),
    );
    expect(feed.title).toBe("左权报 · 标签：乡村振兴");
    expect(feed.items).toHaveLength(50);
    const atom = await atomParser.parseString(await (await fetchFeed("atom", "author", "测试记者")).text());
    expect(atom.title).toBe("左权报 · 作者：测试记者");
    expect(atom.items).toHaveLength(50);
  });

  it("accepts a Chinese key sent decoded as well as percent-encoded", async () => {
    const { GET } = await routes.rss.tag();
    const res = await GET(new Request(`${SITE_ORIGIN}/tags/x/feed.xml`), {
      params: Promise.resolve({ tag: "乡村振兴" }),
    });
    expect(res.status).toBe(200);
  });

  it("answers 404 for an unknown subject, one seen only on hidden stories, and broken percent-encoding", async () => {
    for (const format of ["rss", "atom"] as const) {
      expect((await fetchFeed(format, "section", "no-such-section")).status).toBe(404);
      expect((await fetchFeed(format, "column", "no-such-column")).status).toBe(404);
      expect((await fetchFeed(format, "tag", "不存在的标签")).status).toBe(404);
      for (const name of ["草稿标签", "定时标签"]) expect((await fetchFeed(format, "tag", name)).status).toBe(404);
      for (const name of ["草稿作者", "定时作者", "石勇"])
        expect((await fetchFeed(format, "author", name)).status).toBe(404);
    }
    const { GET } = await routes.atom.author();
    expect(
      (await GET(new Request(`${SITE_ORIGIN}/authors/x/atom.xml`), { params: Promise.resolve({ author: "%E4%B9" }) }))
        .status,
    ).toBe(404);
  });

  it("gives an empty but valid feed for a section with no stories yet", async () => {
    await db.section.create({
      data: { slug: "empty-section", name: "空版块", description: "还没有报道。", position: 99 },
    });
    const { feed } = await checkAtom(
      await fetchFeed("atom", "section", "empty-section"),
      { section: { slug: "empty-section" } },
      "/sections/empty-section/atom.xml",
      "/sections/empty-section",
    );
    expect(feed.items).toEqual([]);
    const rss = await checkRss(
      await fetchFeed("rss", "section", "empty-section"),
      { section: { slug: "empty-section" } },
      "/sections/empty-section/feed.xml",
      "/sections/empty-section",
    );
    expect(rss.feed.description).toBe("还没有报道。");
    await db.section.delete({ where: { slug: "empty-section" } });
  });
});

describe("feeds follow the clock", () => {
  it("lets a scheduled story in once its time has come, with no new ingest", async () => {
    const before = (await fetchFeed("rss", "author", "定时作者")).status;
    expect(before).toBe(404);
    // The clock moves past its time; the database stays as the ingest wrote it.
    const { publishedAt } = await db.article.findUniqueOrThrow({
      where: { slug: "scheduled" },
      select: { publishedAt: true },
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(publishedAt.getTime() + 1000);
    const feed = await rssParser.parseString(await (await fetchFeed("rss", null)).text());
    expect(feed.items[0]!.title).toBe("定时发布");
    expect(feed.items[0]!.isoDate).toBe(toSecond(publishedAt));
    expect((await fetchFeed("rss", "author", "定时作者")).status).toBe(200);
  });
});
