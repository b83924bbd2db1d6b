import type { ArticleSource, ContentSet } from "../content/parse";
import type { RenderedArticle } from "../content/render-article";
import { issueDate } from "../dates";
import type { DriverSql, Tx } from "../db/dialect";
import { footprintsOf } from "../db/page-footprints";
import { searchProvider } from "../search/provider";
import { chunks, insertRows } from "./bulk";
import { heapPacer } from "./heap";
import type { ProgressFactory } from "./progress";
import { renderedBatches, type RenderThreads } from "./render-threads";
import type { RenderedStory } from "./render-worker";
import type { IngestReport } from "./report";

type Existing = { id: number; slug: string; hash: string; publishedAt: Date; draft: boolean };
/** Ids by slug or name, for the rows an article refers to. */
type Ids = Record<"section" | "column" | "issue" | "author" | "tag", Map<string, number>>;

/**
 * Writes new and changed articles (an unchanged hash is neither re-rendered nor rewritten) with
 * their bylines, tags, redirects and index entries, and removes the articles whose files went.
 */
export async function syncArticles(
  tx: Tx,
  sql: DriverSql,
  content: ContentSet,
  report: IngestReport,
  progress: ProgressFactory = () => ({ advance: () => undefined, finish: () => undefined }),
  renderThreads?: RenderThreads,
) {
  const existing = new Map(
    (await tx.article.findMany({ select: { id: true, slug: true, hash: true, publishedAt: true, draft: true } })).map(
      (a) => [a.slug, a],
    ),
  );
  const changed: ArticleSource[] = [];
  for (const source of content.articles) {
    if (existing.get(source.slug)?.hash === source.hash) report.unchanged.push(source.slug);
    else changed.push(source);
  }
  const wanted = new Set(content.articles.map((s) => s.slug));
  const gone = [...existing.values()].filter((a) => !wanted.has(a.slug));
  if (changed.length === 0 && gone.length === 0) return;

  const ids = await lookUpIds(tx, changed);
  // An article whose slug or whose old slugs change is simplest to rewrite whole: remove the old rows first.
  const replaced = changed.flatMap((s) => existing.get(s.slug) ?? []);
  // Where they showed, read before they go; past a bound, every page is refreshed instead.
  const tracked = changed.length + gone.length <= TRACKED_CHANGES;
  if (tracked) report.footprints.push(...(await footprintsOf(tx, { ids: [...replaced, ...gone].map((a) => a.id) })));
  else report.refreshAll = true;
  await removeArticles(tx, [...replaced, ...gone]);
  report.removed.push(...gone.map((a) => a.slug));
  const written = progress("articles written", changed.length);
  const paceHeap = heapPacer();
  for await (const [batch, rendered] of renderedBatches(chunks(changed), renderThreads)) {
    await insertArticles(sql, batch, rendered, ids);
    for (const s of batch) (existing.has(s.slug) ? report.updated : report.added).push(s.slug);
    written.advance(batch.length);
    paceHeap();
  }
  written.finish();
  if (tracked) report.footprints.push(...(await footprintsOf(tx, { slugs: changed.map((s) => s.slug) })));
}

/** Changed articles whose pages are found one by one; an ingest that changes more refreshes every page. */
const TRACKED_CHANGES = 200;

/** Ids of the sections, columns and issues there are, and of every byline and tag the changed articles name (created when new). */
async function lookUpIds(tx: Tx, changed: ArticleSource[]): Promise<Ids> {
  const bySlug = (rows: { id: number; slug: string }[]) => new Map(rows.map((r) => [r.slug, r.id]));
  const select = { id: true, slug: true } as const;
  return {
    section: bySlug(await tx.section.findMany({ select })),
    column: bySlug(await tx.column.findMany({ select })),
    issue: bySlug(await tx.issue.findMany({ select })),
    author: await idsForNames(
      new Map((await tx.author.findMany()).map((a) => [a.name, a.id])),
      changed.flatMap((s) => s.frontmatter.bylines.map((b) => b.name)),
      (names) =>
        tx.author.createManyAndReturn({ data: names.map((name) => ({ name })), select: { id: true, name: true } }),
    ),
    tag: await idsForNames(
      new Map((await tx.tag.findMany()).map((t) => [t.name, t.id])),
      changed.flatMap((s) => s.frontmatter.tags),
      (names) =>
        tx.tag.createManyAndReturn({ data: names.map((name) => ({ name })), select: { id: true, name: true } }),
    ),
  };
}

/** Ids for names, creating the missing ones in one statement per batch. */
async function idsForNames(
  known: Map<string, number>,
  names: Iterable<string>,
  create: (names: string[]) => Promise<{ id: number; name: string }[]>,
) {
  const missing = [...new Set(names)].filter((n) => !known.has(n));
  for (const batch of chunks(missing)) for (const row of await create(batch)) known.set(row.name, row.id);
  return known;
}

/** Validation guarantees every reference exists; a miss means the content and the database disagree, so stop. */
function idOf(ids: Ids, kind: keyof Ids, key: string): number {
  const id = ids[kind].get(key);
  if (id === undefined) throw new Error(`ingest: no ${kind} "${key}" in the database`);
  return id;
}

async function removeArticles(tx: Tx, articles: Existing[]) {
  for (const prior of articles) if (!prior.draft) await searchProvider.unindex(tx, prior.id, prior.publishedAt);
  for (const batch of chunks(articles.map((a) => a.id))) await tx.article.deleteMany({ where: { id: { in: batch } } });
}

/** Bylines and tags carry their article's date and draft flag: their lists are read from their own index. */
type Listed = { publishedAt: Date; draft: boolean };

/** One batch of articles: their rows (with the index's row columns), bylines, tags, redirects, then index entries. */
async function insertArticles(sql: DriverSql, batch: ArticleSource[], rendered: RenderedStory[], ids: Ids) {
  const rows = batch.map((source, k) => articleRow(source, rendered[k]!.article, ids));
  // What the index reads of each article, drafts aside: its row's columns now, its index entries once it has an id.
  const searchDocs = rows.map((row, k) => {
    if (row.draft) return null;
    const { bylines, tags } = batch[k]!.frontmatter;
    return {
      ...row,
      authorIds: bylines.map((b) => idOf(ids, "author", b.name)),
      tagIds: tags.map((name) => idOf(ids, "tag", name)),
      body: rendered[k]!.search,
    };
  });
  const written = rows.map((row, k) => ({ ...row, ...searchProvider.rowColumns(searchDocs[k] ?? null) }));
  const created = await insertRows<{ id: number | bigint; slug: string }>(sql, "Article", written, ["id", "slug"]);
  const articleId = new Map(created.map((c) => [c.slug, Number(c.id)]));
  const each = <T>(make: (s: ArticleSource, id: number, listed: Listed) => T[]) =>
    batch.flatMap((s, k) =>
      make(s, articleId.get(s.slug)!, { publishedAt: rows[k]!.publishedAt, draft: rows[k]!.draft }),
    );
  await insertRows(
    sql,
    "Byline",
    each((s, id, listed) =>
      s.frontmatter.bylines.map(({ name, role }, i) => ({
        articleId: id,
        authorId: idOf(ids, "author", name),
        position: i + 1,
        role,
        ...listed,
      })),
    ),
  );
  await insertRows(
    sql,
    "ArticleTag",
    each((s, id, listed) =>
      s.frontmatter.tags.map((name, i) => ({
        articleId: id,
        tagId: idOf(ids, "tag", name),
        position: i + 1,
        ...listed,
      })),
    ),
  );
  await insertRows(
    sql,
    "SlugRedirect",
    each((s, id) => s.frontmatter.oldSlugs.map((slug) => ({ slug, articleId: id }))),
  );
  const indexed = searchDocs.flatMap((doc) => (doc ? [{ ...doc, id: articleId.get(doc.slug)! }] : []));
  await searchProvider.index(sql, indexed);
}

/** An article's own row: its frontmatter, references as ids, and its rendered body. */
function articleRow(source: ArticleSource, rendered: RenderedArticle, ids: Ids) {
  const fm = source.frontmatter;
  return {
    slug: source.slug,
    issueId: idOf(ids, "issue", source.issueSlug),
    position: source.position,
    sectionId: idOf(ids, "section", fm.section),
    columnId: fm.column ? idOf(ids, "column", fm.column) : null,
    kicker: fm.kicker ?? null,
    title: fm.title,
    subtitle: fm.subtitle ?? null,
    dateline: fm.dateline ?? null,
    publishedAt: fm.publishAt ? new Date(fm.publishAt) : issueDate(source.issueSlug),
    draft: fm.draft,
    corrections: JSON.stringify(fm.corrections),
    source: fm.source ?? null,
    photoCredits: JSON.stringify(fm.photoCredits),
    imageSrc: fm.image?.src ?? null,
    imageAlt: fm.image?.alt ?? null,
    imageCaption: fm.image?.caption ?? null,
    imageCredit: fm.image?.credit ?? null,
    sourcePath: source.file,
    hash: source.hash,
    ...rendered,
  };
}
