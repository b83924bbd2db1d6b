import { dialect } from "../db/client";
import type { DriverSql, Tx } from "../db/dialect";
import type { DatabaseProvider } from "../db/url";
import type { SearchDocument } from "./document";
import type { CandidateSource, TierPager } from "./plan";
import { postgresSearch } from "./postgres";
import { sqliteSearch } from "./sqlite";

/**
 * Search's one interface, implemented once per database (./sqlite/, ./postgres/): the ingest
 * writes the index through it inside its transaction, and a search reads it.
 */
export interface SearchProvider {
  /** Columns of an article's own row that the index needs, written with the row (null: a draft, not indexed). */
  rowColumns(doc: Omit<SearchDocument, "id"> | null): Record<string, string | null>;
  /** Adds articles to the index, in bulk on the ingest's transaction. */
  index(sql: DriverSql, docs: SearchDocument[]): Promise<void>;
  /** Removes an article from the index, before its row is deleted. */
  unindex(tx: Tx, id: number, publishedAt: Date): Promise<void>;
  /** Up to `limit` candidates with keys in `range`, after the key `after`, newest first. */
  candidates: CandidateSource;
  page: TierPager;
}

const providers: Record<DatabaseProvider, SearchProvider> = { sqlite: sqliteSearch, postgresql: postgresSearch };

/** The configured database's, chosen once. */
export const searchProvider: SearchProvider = providers[dialect.provider];
