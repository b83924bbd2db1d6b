/** What an ingest changed, printed by `npm run ingest`. */
export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  /** Sections, columns, issues, tags and bylines created, changed or removed. */
  other: string[];
}

export const emptyReport = (): IngestReport => ({ added: [], updated: [], unchanged: [], removed: [], other: [] });

export const reportChanged = (r: IngestReport) =>
  r.added.length + r.updated.length + r.removed.length + r.other.length > 0;

export function formatReport(r: IngestReport): string {
  const counts = `${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged, ${r.removed.length} removed`;
  const lines = [
    `articles: ${counts}`,
    ...r.added.map((s) => `  + ${s}`),
    ...r.updated.map((s) => `  ~ ${s}`),
    ...r.removed.map((s) => `  - ${s}`),
  ];
  if (r.other.length) lines.push(`other records: ${r.other.join("; ")}`);
  if (!reportChanged(r)) lines.push("nothing changed");
  return lines.join("\n");
}
