import { cache } from "react";
import { db, plainRows } from "./client";
import type { Prisma } from "./generated/client";
import { articleSummaries, type ArticleSummary } from "./articles";
import { paginate, type Page } from "./pagination";
import { visibleArticle, visibleSql } from "./visibility";
import type { SqlBinder } from "./dialect";

/** The four ways to list articles besides an issue: 版块, 栏目, tag and byline. */
export type ListingKind = "section" | "column" | "tag" | "author";

/** What readers call each kind of listing. */
export const kindNames: Record<ListingKind, string> = { section: "版块", column: "栏目", tag: "标签", author: "作者" };

export interface Listing {
  kind: ListingKind;
  /** The URL key: a section or column slug, a tag or author name. */
  key: string;
  name: string;
  description: string | null;
  articles: Page<ArticleSummary>;
}

export const ARTICLES_PER_PAGE = 20;

/** A listing's subject, and how its visible articles are found. */
export interface ListingSubject {
  name: string;
  description: string | null;
  /** How many of its articles readers may see. */
  count: () => Promise<number>;
  /** One page of their ids, newest first. */
  ids: (skip: number, take: number) => Promise<number[]>;
}

/**
 * The rows that list a subject's articles: a table aliased x whose rows carry their article's id,
 * date and draft flag (Article itself, or the join table of a tag or a byline), and the subject's
 * key in it. Each subject has an index (key, draft, date, article) in its table, so a count and a
 * page are ranges of it.
 */
interface ListedRows {
  table: "Article" | "ArticleTag" | "Byline";
  /** The column holding the article's id. */
  article: "id" | "articleId";
  /** The subject's column and id; none for the whole paper. */
  key?: { column: "sectionId" | "columnId" | "tagId" | "authorId"; id: number };
}

/** A subject whose articles are `rows`: counted and paged with plain statements (plainRows). */
function listedSubject(name: string, description: string | null, rows: ListedRows): ListingSubject {
  const where = (sql: SqlBinder) =>
    [...(rows.key ? [`x."${rows.key.column}" = ${sql.bind(rows.key.id)}`] : []), visibleSql(sql, "x")].join(" AND ");
  return {
    name,
    description,
    count: async () => {
      const [row] = await plainRows<{ n: number | string }>(
        (sql) => `SELECT count(*) AS "n" FROM "${rows.table}" x WHERE ${where(sql)}`,
      );
      return Number(row?.n ?? 0);
    },
    ids: async (skip, take) =>
      (
        await plainRows<{ id: number }>(
          (sql) => `
          SELECT x."${rows.article}" AS "id" FROM "${rows.table}" x WHERE ${where(sql)}
          ORDER BY x."publishedAt" DESC, x."${rows.article}" DESC LIMIT ${sql.bind(take)} OFFSET ${sql.bind(skip)}`,
        )
      ).map((r) => Number(r.id)),
  };
}

/** The whole paper as a subject: every visible article. */
export const WHOLE_PAPER: ListingSubject = listedSubject("", null, { table: "Article", article: "id" });

// A tag's or a byline's articles are read from their join table, whose rows carry their article's
// date and draft flag: a page is a range of the subject's own index (an article filter would test
// every article of the archive, and ordering by the article's date sorted all of a tag's stories).
// Tags and bylines have no description.
const subjects = {
  section: {
    table: "Section",
    key: "slug",
    description: `"description"`,
    rows: { table: "Article", article: "id", column: "sectionId" },
  },
  column: {
    table: "Column",
    key: "slug",
    description: `"description"`,
    rows: { table: "Article", article: "id", column: "columnId" },
  },
  tag: {
    table: "Tag",
    key: "name",
    description: "NULL",
    rows: { table: "ArticleTag", article: "articleId", column: "tagId" },
  },
  author: {
    table: "Author",
    key: "name",
    description: "NULL",
    rows: { table: "Byline", article: "articleId", column: "authorId" },
  },
} as const;

/** Finds a listing's subject (for its pages and its feeds), or null when there is no such subject. */
export async function findListingSubject(kind: ListingKind, key: string): Promise<ListingSubject | null> {
  const { table, key: keyColumn, description, rows } = subjects[kind];
  const [found] = await plainRows<{ id: number; name: string; description: string | null }>(
    (sql) =>
      `SELECT "id", "name", ${description} AS "description" FROM "${table}" WHERE "${keyColumn}" = ${sql.bind(key)}`,
  );
  if (!found) return null;
  return listedSubject(found.name, found.description, {
    table: rows.table,
    article: rows.article,
    key: { column: rows.column, id: Number(found.id) },
  });
}

/** Rows of the given articles in the order of `ids`. */
export async function inOrder<R extends { id: number }>(
  ids: number[],
  read: (where: Prisma.ArticleWhereInput) => Promise<R[]>,
): Promise<R[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await read({ id: { in: ids } })).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One page of a listing, newest first; null when the subject does not exist. */
export const getListing = cache(async (kind: ListingKind, key: string, page: number): Promise<Listing | null> => {
  const subject = await findListingSubject(kind, key);
  if (!subject) return null;
  const articles = await paginate(page, ARTICLES_PER_PAGE, subject.count, async (skip, take) =>
    (await articleSummaries(await subject.ids(skip, take))).map(({ id: _id, ...summary }) => summary),
  );
  // A tag or byline seen only on drafts or scheduled stories does not exist yet for readers.
  if (articles.total === 0 && (kind === "tag" || kind === "author")) return null;
  return { kind, key, name: subject.name, description: subject.description, articles };
});

export interface SectionLink {
  slug: string;
  name: string;
}

/** The sections in navigation order, for the header. */
export const listSections = cache(async (): Promise<SectionLink[]> =>
  // Every page's header asks: a plain statement (plainRows).
  plainRows<SectionLink>(() => `SELECT "slug", "name" FROM "Section" ORDER BY "position"`),
);

/** The columns, for the search form's filter. */
export const listColumns = cache(async (): Promise<{ slug: string; name: string }[]> =>
  // Every search page asks: a plain statement (plainRows).
  plainRows<{ slug: string; name: string }>(() => `SELECT "slug", "name" FROM "Column" ORDER BY "name"`),
);

/** One entry of an index page (/sections, /columns, /tags, /authors): its key, name and visible stories. */
export interface IndexEntry {
  key: string;
  name: string;
  description: string | null;
  count: number;
}

/**
 * Every section, column, tag or byline with how many stories readers may see under it. Sections keep their
 * navigation order, columns their names' order; tags and bylines come most used first.
 */
export const listIndex = cache(async (kind: ListingKind): Promise<IndexEntry[]> => {
  const visible = visibleArticle();
  const visibleRows = { where: visible };
  let entries: IndexEntry[];
  switch (kind) {
    case "section":
      entries = (
        await db.section.findMany({
          orderBy: { position: "asc" },
          select: { slug: true, name: true, description: true, _count: { select: { articles: { where: visible } } } },
        })
      ).map((s) => ({ key: s.slug, name: s.name, description: s.description, count: s._count.articles }));
      break;
    case "column":
      entries = (
        await db.column.findMany({
          orderBy: { name: "asc" },
          select: { slug: true, name: true, description: true, _count: { select: { articles: { where: visible } } } },
        })
      ).map((c) => ({ key: c.slug, name: c.name, description: c.description, count: c._count.articles }));
      break;
    case "tag":
      entries = (await db.tag.findMany({ select: { name: true, _count: { select: { articles: visibleRows } } } })).map(
        (t) => ({ key: t.name, name: t.name, description: null, count: t._count.articles }),
      );
      break;
    case "author":
      entries = (
        await db.author.findMany({ select: { name: true, _count: { select: { bylines: visibleRows } } } })
      ).map((a) => ({ key: a.name, name: a.name, description: null, count: a._count.bylines }));
      break;
  }
  // A section or column has its page even when empty; a tag or byline exists for readers only with a story.
  if (kind === "section" || kind === "column") return entries;
  return entries.filter((e) => e.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
});
