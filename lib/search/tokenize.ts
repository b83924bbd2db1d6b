import * as OpenCC from "opencc-js";

// Chinese has no spaces between words, and a segmenter's idea of a word
// (左|权, 网|格|员) is not the reader's. So the index stores, for every run of
// letters and digits (Han or Latin alike), its overlapping character pairs
// (bigrams) and then its last character alone. Any two or more consecutive
// characters of a story become consecutive index tokens, which a phrase query
// finds:
//   左权羊育肥  → 左权 权羊 羊育 育肥 肥
//   30万吨/年   → 30 0万 万吨 吨 年
// The lone last character lets a query cross punctuation ("发展,全县") the
// way the story does, since runs end at the same place in both.

export const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Full-width forms become half-width (ＰＬＣ → plc, ３０ → 30) and case is folded, in text and queries alike. */
export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

// Queries only: the paper prints simplified characters, and readers may type traditional ones.
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

export function normalizeQuery(text: string): string {
  return normalize(toSimplified(text));
}

const RUN = new RegExp(`${WORD_CHAR.source}+`, "gu");

/** Runs of letters and digits in normalized text; everything else separates them. */
export function runs(normalized: string): string[] {
  return normalized.match(RUN) ?? [];
}

function bigrams(chars: string[]): string[] {
  return chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/** A story's run: its bigrams, then its last character. */
function runTokens(run: string): string[] {
  const chars = [...run];
  const tokens = new Array<string>(chars.length);
  for (let i = 1; i < chars.length; i++) tokens[i - 1] = chars[i - 1]! + chars[i]!;
  tokens[chars.length - 1] = chars[chars.length - 1]!;
  return tokens;
}

/** The tokens of a story's text, in order, as the index stores them. */
export function documentTokens(text: string): string[] {
  return runs(normalize(text)).flatMap(runTokens);
}

/** A story's text as the index reads it, normalized once: its tokens, its characters, and whether it folds beyond ASCII case. */
export function analyzeText(text: string): { tokens: string[]; characters: string[]; folds: boolean } {
  const normalizedRuns = runs(normalize(text));
  const tokens: string[] = [];
  // `characters`: every letter or digit once, the index of one-character headline searches.
  const characters = new Set<string>();
  for (const run of normalizedRuns) {
    for (const token of runTokens(run)) tokens.push(token);
    for (const ch of run) characters.add(ch);
  }
  return { tokens, characters: [...characters], folds: foldsBeyondAsciiCase(text, normalizedRuns) };
}

/** A story's body as the index takes it: each distinct token once, space-joined, and whether its text folds beyond ASCII case. */
export interface BodyTerms {
  terms: string;
  folds: boolean;
}

/** BodyTerms of a text: plain data, so a rendering thread can compute it (lib/ingest/render-threads.ts). */
export function bodyTerms(text: string): BodyTerms {
  const normalizedRuns = runs(normalize(text));
  const distinct = new Set<string>();
  for (const run of normalizedRuns) for (const token of runTokens(run)) distinct.add(token);
  return { terms: joinTokens([...distinct]), folds: foldsBeyondAsciiCase(text, normalizedRuns) };
}

/**
 * The tokens a query term must find consecutively. Its last run may end
 * mid-run in the story, so it gets no last-character token; a last run of one
 * character is matched as a prefix (月 finds 月份).
 */
export function queryTokens(normalizedTerm: string): { tokens: string[]; prefix: boolean } {
  const termRuns = runs(normalizedTerm);
  const tokens = termRuns.slice(0, -1).flatMap(runTokens);
  const lastChars = [...(termRuns.at(-1) ?? "")];
  if (lastChars.length === 1) return { tokens: [...tokens, lastChars[0]!], prefix: true };
  return { tokens: [...tokens, ...bigrams(lastChars)], prefix: false };
}

/** Space-joined tokens, as stored in an FTS column whose tokenizer splits on spaces. */
export const joinTokens = (tokens: string[]) => tokens.join(" ");

const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Whether normalizing changes a text's letters and digits beyond ASCII case (full-width ＰＬＣ,
 * ３０, Ä, ①). Where it does not, a one-run term occurs in the normalized text exactly when it
 * occurs in the stored text with ASCII case folded, which SQL can check (lib/search/verify.ts).
 */
export function foldsBeyondAsciiCase(text: string, normalizedRuns = runs(normalize(text))): boolean {
  return normalizedRuns.join(" ") !== runs(asciiLower(text)).join(" ");
}
