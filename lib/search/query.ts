import { normalizeQuery, queryTokens, runs } from "./tokenize";

/** At most this many search terms are used; the rest of a very long query is ignored. */
export const MAX_TERMS = 8;

/** One search term: the index tokens that must appear consecutively, and what to highlight. */
export interface Term {
  /** The term as typed, normalized. */
  text: string;
  tokens: string[];
  /** The last token is matched as a prefix. */
  prefix: boolean;
  /** Runs of the term to mark in results. */
  highlights: string[];
}

export type ParsedQuery =
  | { kind: "empty" }
  /** Only one-character terms: matched against headlines only. */
  | { kind: "characters"; characters: string[] }
  | { kind: "terms"; terms: Term[]; dropped: number };

/**
 * Splits a reader's query into terms at spaces; every term must match.
 * Punctuation, quotes and the index's own operators are never passed through:
 * only the tokens computed here reach the index, each quoted.
 */
export function parseQuery(raw: string): ParsedQuery {
  const normalized = normalizeQuery(raw);
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const part of normalized.split(/\s+/)) {
    const termRuns = runs(part);
    if (termRuns.length === 0) continue;
    const text = termRuns.join(" ");
    if (seen.has(text)) continue;
    seen.add(text);
    terms.push({ text, ...queryTokens(part), highlights: termRuns });
  }
  if (terms.length === 0) return { kind: "empty" };
  const useful = terms.filter((t) => [...t.text].length > 1);
  // One character says too little to search whole stories for it; headlines are where it tells.
  if (useful.length === 0) return { kind: "characters", characters: terms.slice(0, MAX_TERMS).map((t) => t.text) };
  // Next to longer terms, a lone character adds little: it is left out.
  return {
    kind: "terms",
    terms: useful.slice(0, MAX_TERMS),
    dropped: terms.length - Math.min(useful.length, MAX_TERMS),
  };
}
