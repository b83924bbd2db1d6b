import type { Footprint } from "../db/page-footprints";

/** What an ingest changed, printed by `npm run ingest`. */
export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  /** Sections, columns, issues, tags and bylines created, changed or removed. */
  other: string[];
  /** Where the changed articles showed before the ingest and show after it. */
  footprints: Footprint[];
  /** Issues added or changed. */
  issues: string[];
  /** True when every page may show the change (navigation changed, or too much to track). */
  refreshAll: boolean;
  /** The pages the servers drop from their caches, unless refreshAll. */
  pages: string[];
  /** Set when the listing matched the last ingest's, so none of its files was read: how many it lists. */
  unread?: number;
}

export const emptyReport = (): IngestReport => ({
  added: [],
  updated: [],
  unchanged: [],
  removed: [],
  other: [],
  footprints: [],
  issues: [],
  refreshAll: false,
  pages: [],
});

export const reportChanged = (r: IngestReport) =>
  r.added.length + r.updated.length + r.removed.length + r.other.length > 0;

export function formatReport(r: IngestReport): string {
  if (r.unread !== undefined)
    return (
      `nothing changed: the ${r.unread.toLocaleString("en")} content files have the sizes, times and inodes the last ingest read, ` +
      "so none was read (npm run ingest -- --full reads them all)"
    );
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

/** What the servers' caches must drop after this ingest. */
export const pagesToRefresh = (r: IngestReport): "all" | string[] => (r.refreshAll ? "all" : r.pages);
