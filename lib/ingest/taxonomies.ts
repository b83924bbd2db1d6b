import type { ContentSet } from "../content/parse";
import { issueDate } from "../dates";
import type { Tx } from "../db/dialect";
import { chunks } from "./bulk";
import type { IngestReport } from "./report";

/** An issue's change shows on its pages; a section's or column's on every page (the navigation names them). */
function changedOne(report: IngestReport, kind: string, slug: string) {
  if (kind === "issue") report.issues.push(slug);
  else report.refreshAll = true;
}

/** Creates what is new in `wanted` and updates what differs; removal waits for pruneOrphans. */
async function syncByKey<T extends { slug: string }>(
  kind: string,
  wanted: T[],
  existing: (T & { id: number })[],
  ops: { create(v: T[]): Promise<unknown>; update(id: number, v: T): Promise<unknown> },
  report: IngestReport,
) {
  const current = new Map(existing.map((e) => [e.slug, e]));
  // New ones in one statement per batch: an archive's first ingest adds thousands of issues.
  const added = wanted.filter((w) => !current.has(w.slug));
  for (const batch of chunks(added)) await ops.create(batch);
  for (const w of wanted) {
    const e = current.get(w.slug);
    if (!e) {
      report.other.push(`${kind} ${w.slug} added`);
      changedOne(report, kind, w.slug);
    } else if (Object.entries(w).some(([k, v]) => (e as Record<string, unknown>)[k] !== v)) {
      await ops.update(e.id, w);
      report.other.push(`${kind} ${w.slug} updated`);
      changedOne(report, kind, w.slug);
    }
  }
}

/** Sections, columns and issues: what articles refer to, so written first. */
export async function syncTaxonomies(tx: Tx, content: ContentSet, report: IngestReport) {
  await syncByKey(
    "section",
    content.sections.map((s, i) => ({ slug: s.slug, name: s.name, description: s.description, position: i + 1 })),
    await tx.section.findMany(),
    {
      create: (v) => tx.section.createMany({ data: v }),
      update: (id, v) => tx.section.update({ where: { id }, data: v }),
    },
    report,
  );
  await syncByKey(
    "column",
    content.columns.map((c) => ({ slug: c.slug, name: c.name, description: c.description })),
    await tx.column.findMany(),
    {
      create: (v) => tx.column.createMany({ data: v }),
      update: (id, v) => tx.column.update({ where: { id }, data: v }),
    },
    report,
  );
  const issues = new Map(content.issues.map((i) => [i.slug, i]));
  const issueData = (slug: string) => {
    const issue = issues.get(slug)!;
    const { date, number, banner, file, hash } = issue;
    return { slug, date: issueDate(date), number: number ?? null, banner: banner ?? null, sourcePath: file, hash };
  };
  await syncByKey(
    "issue",
    content.issues.map((i) => ({ slug: i.slug, hash: i.hash })),
    await tx.issue.findMany({ select: { id: true, slug: true, hash: true } }),
    {
      create: (v) => tx.issue.createMany({ data: v.map((i) => issueData(i.slug)) }),
      update: (id, v) => tx.issue.update({ where: { id }, data: issueData(v.slug) }),
    },
    report,
  );
}
