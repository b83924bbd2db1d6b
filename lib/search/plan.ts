// What one tier of a search asks of the index, independent of the database:
// the SQLite (FTS5) and PostgreSQL (tsvector) backends each translate it.

/** Tokens that must stand consecutively; the last may be a prefix. */
export interface Phrase {
  tokens: string[];
  prefix: boolean;
}

export interface TierQuery {
  /** Phrases that must all match, and where: the headline, headline or body, or headline characters. */
  text: { in: "headline" | "all" | "chars"; phrases: Phrase[] } | null;
  /** Leave out what matches these phrases in the headline (it ranked in the tier above). */
  notInHeadline: Phrase[] | null;
  /** Facet tokens that must all be present; at least "all" when there is no text to match. */
  facets: string[];
}

export interface KeyRange {
  min: number;
  max: number;
}

export interface SearchBackend {
  /** Matches, counted up to `limit` (the count stops there: a reader needs no exact figure past it). */
  count(q: TierQuery, range: KeyRange, limit: number): Promise<number>;
  /** Article ids, newest first; `matches` is the tier's count, which lets a backend pick its plan. */
  ids(q: TierQuery, range: KeyRange, limit: number, offset: number, matches: number): Promise<number[]>;
}
