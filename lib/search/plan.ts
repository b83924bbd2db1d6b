// What one tier of a search asks of the index, independent of the database:
// the SQLite (FTS5) and PostgreSQL (GIN) backends each translate it.

/**
 * Matches are counted exactly up to this many; past it a search says "more than 1,000" and pages
 * through the first 1,000. Counting every match of a common two-character word in a large archive
 * costs more than the page itself, and no reader pages that far.
 */
export const COUNT_LIMIT = 1000;
/** What a tier counts up to: one more than the limit tells "more than" apart. */
export const COUNT_CAP = COUNT_LIMIT + 1;

/** Tokens that must stand consecutively; the last may be a prefix. */
export interface Phrase {
  tokens: string[];
  prefix: boolean;
  /** The normalized term, runs joined by one space: what a story's text must contain. */
  text: string;
}

export interface TierQuery {
  /** Phrases that must all match, and where: the headline, headline or body, or headline characters. */
  text: { in: "headline" | "all" | "chars"; phrases: Phrase[] } | null;
  /** Leave out what matches these phrases in the headline (it ranked in the tier above). */
  notInHeadline: Phrase[] | null;
  /** Keys of those headline matches, when the tier above had them all at hand (TierPage.keys): a backend may leave them out by key. */
  notInHeadlineKeys?: number[];
  /** Facet tokens that must all be present; at least "all" when there is no text to match. */
  facets: string[];
}

export interface KeyRange {
  min: number;
  max: number;
}

/**
 * An article the index found, newest first. `hit` is false when the index cannot tell a match
 * on its own: its story body is indexed without token positions (that keeps the index smaller
 * than the text), so a phrase is found as "all its tokens somewhere" and then checked against
 * the text. The backend checks the text as stored (case folded); `hit: false` rows are checked
 * once more in full normalized form (lib/search/verify.ts).
 */
export interface Candidate {
  key: number;
  id: number;
  hit: boolean;
}

/** A tier's matches, counted up to a cap, and one page of them. */
export interface TierPage {
  /** Matches, at most the cap asked for. */
  total: number;
  /** Article ids of the page, newest first. */
  ids: number[];
  /** Keys of every match, when the backend found them all (fewer than the cap) and the next tier may use them. */
  keys?: number[];
}

export interface SearchBackend {
  /** Counts a tier's matches in `range` up to `cap`, and returns the ids of matches [offset, offset + size), newest first. */
  page(q: TierQuery, range: KeyRange, cap: number, offset: number, size: number): Promise<TierPage>;
}

/** Up to `limit` candidates with keys in `range`, after the key `after`, newest first. */
export type CandidateSource = (
  q: TierQuery,
  range: KeyRange,
  limit: number,
  after: number | null,
) => Promise<Candidate[]>;

/** Whether the index alone decides a phrase: one bigram, no prefix. Longer phrases need the text checked. */
export const indexDecides = (p: Phrase) => p.tokens.length === 1 && !p.prefix;
