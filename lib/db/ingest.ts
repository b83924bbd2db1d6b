import { renderMarkdown } from "../content/markdown";
import type { ArticleSource, ContentSet } from "../content/parse";
import { countCharacters, excerpt, readingMinutes } from "../content/text";
import { issueDate } from "../dates";
import { articleSearchColumns, indexArticles, unindexArticle } from "../search/index-sqlite";
import { insertRows } from "./bulk";
import type { PrismaClient, Tx } from "./client";
import { databaseProvider } from "./url";

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  /** Sections, columns, issues, tags and bylines created, changed or removed. */
  other: string[];
}

export const reportChanged = (r: IngestReport) =>
  r.added.length + r.updated.length + r.removed.length + r.other.length > 0;

export function formatReport(r: IngestReport): string {
  const lines = [
    `articles: ${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.removed.length} removed`,
    ...r.added.map((s) => `  + ${s}`),
    ...r.updated.map((s) => `  ~ ${s}`),
    ...r.removed.map((s) => `  - ${s}`),
  ];
  if (r.other.length) lines.push(`other records: ${r.other.join("; ")}`);
  if (!reportChanged(r)) lines.push("nothing changed");
  return lines.join("\n");
}

function renderArticle(source: ArticleSource) {
  const rendered = renderMarkdown(source.body);
  const charCount = countCharacters(rendered.text);
  return {
    html: rendered.html,
    text: rendered.text,
    headings: JSON.stringify(rendered.headings),
    excerpt: excerpt(rendered.text),
    charCount,
    readingMinutes: readingMinutes(charCount),
  };
}

/** Creates what is new in `wanted` and updates what differs; removal waits for pruneOrphans. */
async function syncByKey<T extends { slug: string }>(
  kind: string,
  wanted: T[],
  existing: (T & { id: number })[],
  ops: { create(v: T): Promise<unknown>; update(id: number, v: T): Promise<unknown> },
  other: string[],
) {
  const current = new Map(existing.map((e) => [e.slug, e]));
  for (const w of wanted) {
    const e = current.get(w.slug);
    if (!e) {
      await ops.create(w);
      other.push(`${kind} ${w.slug} added`);
    } else if (Object.entries(w).some(([k, v]) => (e as Record<string, unknown>)[k] !== v)) {
      await ops.update(e.id, w);
      other.push(`${kind} ${w.slug} updated`);
    }
  }
}

/**
 * Writes a validated content set to the database in one transaction, so a
 * failure leaves the database as it was. Unchanged articles (same hash) are
 * neither re-rendered nor rewritten.
 */
export async function ingestContent(prisma: PrismaClient, content: ContentSet): Promise<IngestReport> {
  const report: IngestReport = { added: [], updated: [], unchanged: [], removed: [], other: [] };
  await prisma.$transaction(
    async (tx) => {
      await holdIngestLock(tx);
      await syncTaxonomies(tx, content, report);
      await syncArticles(tx, content, report);
      // Sections and columns that nothing uses any more can go only after their articles have.
      await pruneOrphans(tx, content, report);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return report;
}

/**
 * Two ingests never interleave. On PostgreSQL a transaction-scoped advisory lock
 * makes the second wait (and say so); SQLite allows one writer at a time anyway.
 */
async function holdIngestLock(tx: Tx) {
  if (databaseProvider() === "sqlite") {
    // Take SQLite's write lock before reading anything: a second ingest then waits (up to the
    // busy timeout) instead of failing later on a snapshot the first one has changed.
    await tx.$executeRawUnsafe(`DELETE FROM "Section" WHERE 0`);
    return;
  }
  const [got] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
    "SELECT pg_try_advisory_xact_lock(hashtext('portal-ingest')) AS locked",
  );
  if (got?.locked) return;
  console.log("another ingest is writing to this database; waiting for it to finish …");
  await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('portal-ingest'))::text");
}

async function syncTaxonomies(tx: Tx, content: ContentSet, report: IngestReport) {
  await syncByKey(
    "section",
    content.sections.map((s, i) => ({ slug: s.slug, name: s.name, description: s.description, position: i + 1 })),
    await tx.section.findMany(),
    {
      create: (v) => tx.section.create({ data: v }),
      update: (id, v) => tx.section.update({ where: { id }, data: v }),
    },
    report.other,
  );
  await syncByKey(
    "column",
    content.columns.map((c) => ({ slug: c.slug, name: c.name, description: c.description })),
    await tx.column.findMany(),
    {
      create: (v) => tx.column.create({ data: v }),
      update: (id, v) => tx.column.update({ where: { id }, data: v }),
    },
    report.other,
  );
  const existingIssues = await tx.issue.findMany({ select: { id: true, slug: true, hash: true } });
  await syncByKey(
    "issue",
    content.issues.map((i) => ({ slug: i.slug, hash: i.hash })),
    existingIssues,
    {
      create: (v) => tx.issue.create({ data: issueData(content, v.slug) }),
      update: (id, v) => tx.issue.update({ where: { id }, data: issueData(content, v.slug) }),
    },
    report.other,
  );
}

function issueData(content: ContentSet, slug: string) {
  const issue = content.issues.find((i) => i.slug === slug)!;
  return {
    slug,
    date: issueDate(issue.date),
    number: issue.number ?? null,
    banner: issue.banner ?? null,
    sourcePath: issue.file,
    hash: issue.hash,
  };
}

/** Rows per multi-row statement: well under SQLite's 32,766 bound parameters. */
const BATCH = 500;

function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
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

async function syncArticles(tx: Tx, content: ContentSet, report: IngestReport) {
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

  const ids = {
    section: new Map((await tx.section.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id])),
    column: new Map((await tx.column.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id])),
    issue: new Map((await tx.issue.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id])),
  };
  // Validation guarantees these exist; a miss means the content set and the database disagree, so stop.
  const must = (map: Map<string, number>, key: string, what: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`ingest: no ${what} "${key}" in the database`);
    return id;
  };
  const authorIds = await idsForNames(
    new Map((await tx.author.findMany()).map((a) => [a.name, a.id])),
    changed.flatMap((s) => s.frontmatter.bylines.map((b) => b.name)),
    (names) =>
      tx.author.createManyAndReturn({ data: names.map((name) => ({ name })), select: { id: true, name: true } }),
  );
  const tagIds = await idsForNames(
    new Map((await tx.tag.findMany()).map((t) => [t.name, t.id])),
    changed.flatMap((s) => s.frontmatter.tags),
    (names) => tx.tag.createManyAndReturn({ data: names.map((name) => ({ name })), select: { id: true, name: true } }),
  );

  // An article whose slug or whose old slugs change is simplest to rewrite whole: remove the old rows first.
  const replaced = changed.flatMap((s) => {
    const prior = existing.get(s.slug);
    return prior ? [prior] : [];
  });
  for (const prior of [...replaced, ...gone]) if (!prior.draft) await unindexArticle(tx, prior.id, prior.publishedAt);
  for (const batch of chunks([...replaced, ...gone].map((a) => a.id)))
    await tx.article.deleteMany({ where: { id: { in: batch } } });
  report.removed.push(...gone.map((a) => a.slug));

  for (const batch of chunks(changed)) {
    const rows = batch.map((source) => {
      const fm = source.frontmatter;
      return {
        slug: source.slug,
        issueId: must(ids.issue, source.issueSlug, "issue"),
        position: source.position,
        sectionId: must(ids.section, fm.section, "section"),
        columnId: fm.column ? must(ids.column, fm.column, "column") : null,
        kicker: fm.kicker ?? null,
        title: fm.title,
        subtitle: fm.subtitle ?? null,
        dateline: fm.dateline ?? null,
        publishedAt: fm.publishAt ? new Date(fm.publishAt) : issueDate(source.issueSlug),
        draft: fm.draft,
        corrections: JSON.stringify(fm.corrections),
        imageSrc: fm.image?.src ?? null,
        imageAlt: fm.image?.alt ?? null,
        imageCaption: fm.image?.caption ?? null,
        imageCredit: fm.image?.credit ?? null,
        sourcePath: source.file,
        hash: source.hash,
        ...renderArticle(source),
      };
    });
    // What the index reads of each article, drafts aside: its row's search columns now, its index rows once it has an id.
    const searchDocs = rows.map((row, k) =>
      row.draft
        ? null
        : {
            ...row,
            authorIds: batch[k]!.frontmatter.bylines.map((b) => authorIds.get(b.name)!),
            tagIds: batch[k]!.frontmatter.tags.map((n) => tagIds.get(n)!),
          },
    );
    const written = rows.map((row, k) => ({ ...row, ...articleSearchColumns(searchDocs[k] ?? null) }));
    const created = await insertRows<{ id: number | bigint; slug: string }>(tx, "Article", written, ["id", "slug"]);
    const idOf = new Map(created.map((c) => [c.slug, Number(c.id)]));
    const bylines = batch.flatMap((s) =>
      s.frontmatter.bylines.map(({ name }, i) => ({
        articleId: idOf.get(s.slug)!,
        authorId: authorIds.get(name)!,
        position: i + 1,
      })),
    );
    const tags = batch.flatMap((s) =>
      s.frontmatter.tags.map((name, i) => ({
        articleId: idOf.get(s.slug)!,
        tagId: tagIds.get(name)!,
        position: i + 1,
      })),
    );
    const redirects = batch.flatMap((s) =>
      s.frontmatter.oldSlugs.map((slug) => ({ slug, articleId: idOf.get(s.slug)! })),
    );
    await insertRows(tx, "Byline", bylines);
    await insertRows(tx, "ArticleTag", tags);
    await insertRows(tx, "SlugRedirect", redirects);
    await indexArticles(
      tx,
      searchDocs.flatMap((doc) => (doc ? [{ ...doc, id: idOf.get(doc.slug)! }] : [])),
    );
    for (const s of batch) (existing.has(s.slug) ? report.updated : report.added).push(s.slug);
  }
}

async function pruneOrphans(tx: Tx, content: ContentSet, report: IngestReport) {
  // Compared here rather than with `notIn`: an archive's list of issues outgrows the bound-parameter limit.
  const keep = {
    issue: new Set(content.issues.map((i) => i.slug)),
    section: new Set(content.sections.map((s) => s.slug)),
    column: new Set(content.columns.map((c) => c.slug)),
  };
  const stale = async (rows: { id: number; slug: string }[], wanted: Set<string>) =>
    rows.filter((r) => !wanted.has(r.slug)).map((r) => r.id);
  const select = { id: true, slug: true } as const;
  const removeAll = async (ids: number[], remove: (ids: number[]) => Promise<{ count: number }>) => {
    let count = 0;
    for (const batch of chunks(ids)) count += (await remove(batch)).count;
    return count;
  };
  const counts: Record<string, number> = {
    issues: await removeAll(await stale(await tx.issue.findMany({ select }), keep.issue), (ids) =>
      tx.issue.deleteMany({ where: { id: { in: ids } } }),
    ),
    sections: await removeAll(await stale(await tx.section.findMany({ select }), keep.section), (ids) =>
      tx.section.deleteMany({ where: { id: { in: ids } } }),
    ),
    columns: await removeAll(await stale(await tx.column.findMany({ select }), keep.column), (ids) =>
      tx.column.deleteMany({ where: { id: { in: ids } } }),
    ),
    tags: (await tx.tag.deleteMany({ where: { articles: { none: {} } } })).count,
    authors: (await tx.author.deleteMany({ where: { bylines: { none: {} } } })).count,
  };
  for (const [kind, count] of Object.entries(counts)) if (count) report.other.push(`${count} ${kind} removed`);
}
