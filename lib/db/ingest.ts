import { renderMarkdown } from "../content/markdown";
import type { ArticleSource, ContentSet } from "../content/parse";
import { countCharacters, excerpt, readingMinutes } from "../content/text";
import { issueDate } from "../dates";
import { indexArticle, unindexArticle } from "../search/index-sqlite";
import type { PrismaClient, Tx } from "./client";

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
      await syncTaxonomies(tx, content, report);
      await syncArticles(tx, content, report);
      // Sections and columns that nothing uses any more can go only after their articles have.
      await pruneOrphans(tx, content, report);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return report;
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

async function syncArticles(tx: Tx, content: ContentSet, report: IngestReport) {
  const existing = new Map((await tx.article.findMany({ select: { id: true, slug: true, hash: true, publishedAt: true } })).map((a) => [a.slug, a]));
  const ids = {
    section: new Map((await tx.section.findMany({ select: { id: true, slug: true } })).map((s) => [s.slug, s.id])),
    column: new Map((await tx.column.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id])),
    issue: new Map((await tx.issue.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id])),
  };
  const authorIds = new Map((await tx.author.findMany()).map((a) => [a.name, a.id]));
  const tagIds = new Map((await tx.tag.findMany()).map((t) => [t.name, t.id]));
  // Validation guarantees these exist; a miss means the content set and the database disagree, so stop.
  const must = (map: Map<string, number>, key: string, what: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`ingest: no ${what} "${key}" in the database`);
    return id;
  };
  const idFor = async (map: Map<string, number>, name: string, create: (name: string) => Promise<{ id: number }>) => {
    let id = map.get(name);
    if (id === undefined) {
      id = (await create(name)).id;
      map.set(name, id);
    }
    return id;
  };

  for (const source of content.articles) {
    const prior = existing.get(source.slug);
    existing.delete(source.slug);
    if (prior?.hash === source.hash) {
      report.unchanged.push(source.slug);
      continue;
    }
    const fm = source.frontmatter;
    const issueSlug = source.issueSlug;
    const data = {
      slug: source.slug,
      issueId: must(ids.issue, issueSlug, "issue"),
      position: source.position,
      sectionId: must(ids.section, fm.section, "section"),
      columnId: fm.column ? must(ids.column, fm.column, "column") : null,
      kicker: fm.kicker ?? null,
      title: fm.title,
      subtitle: fm.subtitle ?? null,
      dateline: fm.dateline ?? null,
      publishedAt: issueDate(issueSlug),
      sourcePath: source.file,
      hash: source.hash,
      ...renderArticle(source),
    };
    const bylines = [];
    for (const [i, name] of fm.bylines.entries()) {
      bylines.push({ position: i + 1, authorId: await idFor(authorIds, name, (n) => tx.author.create({ data: { name: n } })) });
    }
    const tags = [];
    for (const [i, name] of fm.tags.entries()) {
      tags.push({ position: i + 1, tagId: await idFor(tagIds, name, (n) => tx.tag.create({ data: { name: n } })) });
    }
    let id: number;
    if (prior) {
      await tx.byline.deleteMany({ where: { articleId: prior.id } });
      await tx.articleTag.deleteMany({ where: { articleId: prior.id } });
      await tx.article.update({ where: { id: prior.id }, data: { ...data, bylines: { create: bylines }, tags: { create: tags } } });
      await unindexArticle(tx, prior.id, prior.publishedAt);
      id = prior.id;
      report.updated.push(source.slug);
    } else {
      id = (await tx.article.create({ data: { ...data, bylines: { create: bylines }, tags: { create: tags } }, select: { id: true } })).id;
      report.added.push(source.slug);
    }
    await indexArticle(tx, { ...data, id, authorIds: bylines.map((b) => b.authorId), tagIds: tags.map((t) => t.tagId) });
  }

  if (existing.size) {
    for (const gone of existing.values()) await unindexArticle(tx, gone.id, gone.publishedAt);
    await tx.article.deleteMany({ where: { id: { in: [...existing.values()].map((a) => a.id) } } });
    report.removed.push(...existing.keys());
  }
}

async function pruneOrphans(tx: Tx, content: ContentSet, report: IngestReport) {
  const issues = await tx.issue.deleteMany({ where: { slug: { notIn: content.issues.map((i) => i.slug) } } });
  const sections = await tx.section.deleteMany({ where: { slug: { notIn: content.sections.map((s) => s.slug) } } });
  const columns = await tx.column.deleteMany({ where: { slug: { notIn: content.columns.map((c) => c.slug) } } });
  const tags = await tx.tag.deleteMany({ where: { articles: { none: {} } } });
  const authors = await tx.author.deleteMany({ where: { bylines: { none: {} } } });
  for (const [kind, { count }] of Object.entries({ issues, sections, columns, tags, authors })) {
    if (count) report.other.push(`${count} ${kind} removed`);
  }
}
