import { db } from "../db/client";
import { headlineOf } from "./document";
import type { Candidate, CandidateSource, KeyRange, Phrase, TierQuery } from "./plan";
import { normalize, runs } from "./tokenize";

// The story body is indexed without token positions (plan.ts, Candidate), so a
// phrase of several tokens comes back from the index as "every token somewhere
// in the story" and is confirmed against the text. The backends confirm what
// they can in SQL on the stored text; what that cannot confirm (a full-width
// ＰＬＣ, a term spanning punctuation, a story that only shares the tokens) is
// decided here, on the normalized text, exactly as the index tokenized it.

/** Text as phrases are matched against it: normalized runs of letters and digits, one space between. */
const searchableText = (text: string) => runs(normalize(text)).join(" ");

/**
 * Whether each phrase occurs within the headline or within the body. A phrase's
 * first run may end a run of the story and its last may begin one (prefix), as
 * with consecutive index tokens; a space stands for any punctuation.
 */
export function containsAll(doc: { headline: string; text: string }, phrases: Phrase[]): boolean {
  const headline = searchableText(doc.headline);
  const body = searchableText(doc.text);
  return phrases.every((p) => headline.includes(p.text) || body.includes(p.text));
}

/** Prisma turns `in` lists over 999 values into an error (P2029). */
const CHUNK = 500;

/** Of `ids`, the articles whose text holds every phrase in normalized form. */
export async function confirmedIds(ids: number[], phrases: Phrase[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.article.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: { id: true, title: true, subtitle: true, kicker: true, text: true },
    });
    for (const r of rows) if (containsAll({ headline: headlineOf(r), text: r.text }, phrases)) out.add(r.id);
  }
  return out;
}

/** A tier's matching article ids, newest first, up to `want`: candidates in key order, confirmed. */
export async function tierMatches(
  candidates: CandidateSource,
  q: TierQuery,
  range: KeyRange,
  want: number,
): Promise<number[]> {
  const out: number[] = [];
  let after: number | null = null;
  for (;;) {
    const batch: Candidate[] = await candidates(q, range, want, after);
    const unsure = batch.filter((c) => !c.hit).map((c) => c.id);
    const confirmed = unsure.length && q.text ? await confirmedIds(unsure, q.text.phrases) : new Set<number>();
    for (const c of batch) {
      if (!c.hit && !confirmed.has(c.id)) continue;
      out.push(c.id);
      if (out.length >= want) return out;
    }
    if (batch.length < want) return out;
    after = batch.at(-1)!.key;
  }
}
