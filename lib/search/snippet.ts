import { normalize } from "./tokenize";

/** A piece of text with the ranges [start, end) that matched the query. */
export interface Marked {
  text: string;
  marks: [number, number][];
}

/** Finds each needle (already normalized) in `text`, compared in normalized form; returns ranges in `text`. */
export function findMatches(text: string, needles: string[]): [number, number][] {
  // Normalizing can change lengths (rarely: ligatures, combining marks), so then keep where each
  // normalized unit came from; otherwise positions carry over as they are.
  let normalized = normalize(text);
  let origin: number[] | null = null;
  if (normalized.length !== text.length || hasCombiningMark(text)) {
    normalized = "";
    origin = [];
    let i = 0;
    for (const ch of text) {
      const n = normalize(ch);
      normalized += n;
      for (let k = 0; k < n.length; k++) origin.push(i);
      i += ch.length;
    }
    origin.push(text.length);
  }
  const at = (k: number) => (origin ? origin[k]! : k);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (
      let found = normalized.indexOf(needle);
      found !== -1;
      found = normalized.indexOf(needle, found + needle.length)
    ) {
      ranges.push([at(found), at(found + needle.length - 1) + 1]);
    }
  }
  return mergeRanges(ranges);
}

const MARK = /\p{M}/u;

/**
 * Code units no combining mark is among: ASCII and Latin-1, CJK ideographs, CJK punctuation,
 * full-width forms, general punctuation (“” — …). They are nearly all of a story; skipping them by
 * code took 3.2 µs for a story of 1,200 characters, against 17–26 µs for /\p{M}/u over the whole
 * text, which ran for every result. tests/unit/search-text.test.ts checks every code unit.
 */
const unmarked = (c: number) =>
  c < 0x0300 ||
  (c >= 0x3400 && c < 0xa000) ||
  (c >= 0x3000 && c < 0x302a) ||
  (c >= 0xff00 && c < 0xfff0) ||
  (c >= 0x2000 && c < 0x2070);

/** Whether `text` holds a combining mark (\p{M}), which normalizing may join to the character before it. */
export function hasCombiningMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (unmarked(c)) continue;
    // A surrogate pair is one character.
    const pair = c >= 0xd800 && c < 0xdc00 ? 2 : 1;
    if (MARK.test(text.slice(i, i + pair))) return true;
    i += pair - 1;
  }
  return false;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

/**
 * A window of about `length` characters around the first match, starting at a
 * sentence start when one is near, with the matches marked. Null when nothing matches.
 */
export function snippet(text: string, needles: string[], length = 120): Marked | null {
  const flat = text.replace(/\s*\n\s*/g, " ");
  const matches = findMatches(flat, needles);
  if (matches.length === 0) return null;
  const first = matches[0]![0];
  let start = Math.max(0, first - Math.floor(length / 3));
  const sentenceStart = Math.max(
    ...["。", "\uFF01", "\uFF1F", "!", "?"].map((end) => flat.lastIndexOf(end, first - 1)),
  );
  if (sentenceStart >= 0 && first - sentenceStart <= length / 2) start = sentenceStart + 1;
  if (first - start > length / 2) start = first - Math.floor(length / 3);
  const end = Math.min(flat.length, start + length);
  const prefix = start > 0 ? "…" : "";
  const body = flat.slice(start, end).trimStart();
  const shift = start + (flat.slice(start, end).length - body.length);
  const marks = matches
    .filter(([s, e]) => s < end && e > shift)
    .map(([s, e]): [number, number] => [
      Math.max(s, shift) - shift + prefix.length,
      Math.min(e, end) - shift + prefix.length,
    ]);
  return { text: prefix + body + (end < flat.length ? "…" : ""), marks };
}

/** The marks of `needles` across a short text such as a headline. */
export function markAll(text: string, needles: string[]): Marked {
  return { text, marks: findMatches(text, needles) };
}
