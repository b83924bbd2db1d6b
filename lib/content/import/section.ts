// Guessing a story's section (版块) from the words of content/sections.yaml.
//
// Each section's keywords are the two-character runs (bigrams) of its name and
// description, less those holding a function character such as 的 or 与. A keyword found in several sections' texts tells them apart less,
// so it weighs 1 / (number of sections that have it). A story's score for a
// section is the sum, over its keywords, of weight × times the keyword occurs
// in the story (the headline counts three times). The highest score wins; a
// tie or no hit at all falls back to the earlier section in the file.

import type { SectionEntry } from "../schemas";

const HAN_RUN = /\p{Script=Han}+/gu;
/** Function characters: a bigram holding one (的实, 与署) says nothing about a topic. */
const FUNCTION_CHAR = /[的与和及等在了是为之其或并]/u;

function bigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) continue;
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (!FUNCTION_CHAR.test(pair)) out.add(pair);
    }
  }
  return [...out];
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

export interface SectionScore {
  slug: string;
  name: string;
  score: number;
  /** The keywords that scored most, with their counts, for the report. */
  top: { keyword: string; count: number }[];
}

export interface SectionGuess {
  slug: string;
  /** Every section's score, best first. */
  scores: SectionScore[];
  /** True when no keyword of any section occurs in the story. */
  noEvidence: boolean;
}

export function guessSection(sections: SectionEntry[], headline: string, body: string): SectionGuess {
  const keywordSets = sections.map((s) => bigrams(`${s.name} ${s.description}`));
  const df = new Map<string, number>();
  for (const set of keywordSets) for (const k of set) df.set(k, (df.get(k) ?? 0) + 1);
  const text = `${headline}\n${headline}\n${headline}\n${body}`;

  const scores: SectionScore[] = sections.map((s, i) => {
    const hits = keywordSets[i]!.map((keyword) => ({
      keyword,
      count: occurrences(text, keyword),
      weight: 1 / df.get(keyword)!,
    })).filter((h) => h.count > 0);
    const score = hits.reduce((sum, h) => sum + h.count * h.weight, 0);
    const top = hits
      .sort((a, b) => b.count * b.weight - a.count * a.weight)
      .slice(0, 5)
      .map(({ keyword, count }) => ({ keyword, count }));
    return { slug: s.slug, name: s.name, score: Math.round(score * 100) / 100, top };
  });
  const ranked = scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
    .map((x) => x.s);
  return { slug: ranked[0]!.slug, scores: ranked, noEvidence: ranked[0]!.score === 0 };
}
