import type { ContentSet } from "../content/parse";
import type { Tx } from "../db/dialect";
import { chunks } from "./bulk";
import type { IngestReport } from "./report";

/** Removes issues, sections and columns no longer in the content, and tags and bylines no article has. */
export async function pruneOrphans(tx: Tx, content: ContentSet, report: IngestReport) {
  // Compared here rather than with `notIn`: an archive's list of issues outgrows the bound-parameter limit.
  const stale = (rows: { id: number; slug: string }[], wanted: { slug: string }[]) => {
    const keep = new Set(wanted.map((w) => w.slug));
    return rows.filter((r) => !keep.has(r.slug)).map((r) => r.id);
  };
  const removeAll = async (ids: number[], remove: (ids: number[]) => Promise<{ count: number }>) => {
    let count = 0;
    for (const batch of chunks(ids)) count += (await remove(batch)).count;
    return count;
  };
  const select = { id: true, slug: true } as const;
  const inIds = (ids: number[]) => ({ where: { id: { in: ids } } });
  const counts: Record<string, number> = {
    issues: await removeAll(stale(await tx.issue.findMany({ select }), content.issues), (ids) =>
      tx.issue.deleteMany(inIds(ids)),
    ),
    sections: await removeAll(stale(await tx.section.findMany({ select }), content.sections), (ids) =>
      tx.section.deleteMany(inIds(ids)),
    ),
    columns: await removeAll(stale(await tx.column.findMany({ select }), content.columns), (ids) =>
      tx.column.deleteMany(inIds(ids)),
    ),
    tags: (await tx.tag.deleteMany({ where: { articles: { none: {} } } })).count,
    authors: (await tx.author.deleteMany({ where: { bylines: { none: {} } } })).count,
  };
  for (const [kind, count] of Object.entries(counts)) if (count) report.other.push(`${count} ${kind} removed`);
  // Issues, sections and columns gone: lists and navigation everywhere (tags and bylines go with their articles).
  if (counts.issues || counts.sections || counts.columns) report.refreshAll = true;
}
