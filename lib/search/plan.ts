import { issueDate } from "../dates";
import { facet } from "./document";
import type { SearchParams } from "./params";
import { MAX_TERMS, parseQuery, type ParsedQuery } from "./query";
import { keyRange } from "./search-key";

// A search's plan, from a reader's parameters, before anything is looked up: its tiers, each what
// it asks of the index independent of the database (the SQLite and PostgreSQL providers each
// translate it), its date range as a key range, and what to tell the reader about the query.

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

/** Counts a tier's matches in `range` up to `cap`, and returns the ids of matches [offset, offset + size), newest first. */
export type TierPager = (q: TierQuery, range: KeyRange, cap: number, offset: number, size: number) => Promise<TierPage>;

/** Up to `limit` candidates with keys in `range`, after the key `after`, newest first. */
export type CandidateSource = (
  q: TierQuery,
  range: KeyRange,
  limit: number,
  after: number | null,
) => Promise<Candidate[]>;

/** Whether the index alone decides a phrase: one bigram, no prefix. Longer phrases need the text checked. */
export const indexDecides = (p: Phrase) => p.tokens.length === 1 && !p.prefix;

/** What a search will do, from its parameters alone. */
export interface SearchPlan {
  query: ParsedQuery;
  /** What the search did with the query, when a reader should know (one character, terms dropped). */
  notice: string | null;
  /** Whether there is anything to search for at all. */
  searched: boolean;
  range: KeyRange;
  /** The tiers, given the filters' facet tokens: headline matches first, then the rest. */
  tiers(facets: string[]): { headline: TierQuery | null; rest: TierQuery | null };
  /** Words to mark in results. */
  highlights: string[];
}

export function planSearch(p: SearchParams, now = new Date()): SearchPlan {
  const query = parseQuery(p.q ?? "");
  const searched =
    query.kind !== "empty" || Object.entries(p).some(([k, v]) => k !== "page" && k !== "q" && v !== undefined);
  return {
    query,
    notice: noticeOf(query),
    searched,
    range: dateRange(p, now),
    // Only a date range: every article in it.
    tiers: (facets) =>
      tiersOf(query, facets) ?? { headline: null, rest: { text: null, notInHeadline: null, facets: [facet.all] } },
    highlights:
      query.kind === "terms"
        ? query.terms.flatMap((t) => t.highlights)
        : query.kind === "characters"
          ? query.characters
          : [],
  };
}

function noticeOf(query: ParsedQuery): string | null {
  if (query.kind === "characters") return "单字搜索只查找标题；输入两个或更多字可以搜索全文。";
  if (query.kind === "terms" && query.dropped > 0)
    return `单字和第 ${MAX_TERMS} 个以后的搜索词未使用，只按其余 ${query.terms.length} 个词搜索。`;
  return null;
}

/** The two ranking tiers: headline matches first, then the rest. */
function tiersOf(query: ParsedQuery, facets: string[]): { headline: TierQuery | null; rest: TierQuery | null } | null {
  // With words to match, no facet term is needed; ANDing "all" would walk every row of the index.
  switch (query.kind) {
    case "empty":
      return facets.length ? { headline: null, rest: { text: null, notInHeadline: null, facets } } : null;
    case "characters": {
      const phrases = query.characters.map((c) => ({ tokens: [c], prefix: false, text: c }));
      return { headline: { text: { in: "chars", phrases }, notInHeadline: null, facets }, rest: null };
    }
    case "terms": {
      const phrases = query.terms.map((t) => ({ tokens: t.tokens, prefix: t.prefix, text: t.text }));
      return {
        headline: { text: { in: "headline", phrases }, notInHeadline: null, facets },
        rest: { text: { in: "all", phrases }, notInHeadline: phrases, facets },
      };
    }
  }
}

/** Keys of the date range, ending before the current minute: scheduled stories stay out until their time. */
function dateRange(p: SearchParams, now: Date): KeyRange {
  const DAY = 86_400_000;
  const minuteNow = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const to = p.to ? new Date(issueDate(p.to).getTime() + DAY) : minuteNow;
  return keyRange(to < minuteNow ? to : minuteNow, p.from ? issueDate(p.from) : undefined);
}
