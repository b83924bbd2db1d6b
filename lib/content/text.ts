// Measures of Chinese text. Chinese has no spaces, so "words" mean nothing here:
// length is counted in characters, the way a newsroom counts 字数.

/** Characters a reader of Chinese news reads in a minute (studies put it near 400–500). */
export const CHARS_PER_MINUTE = 450;

const HAN = /\p{Script=Han}/u;
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;

/** 字数: every Han character counts one; a run of Latin letters or digits (PLC, 2023) counts one. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const run of text.match(ALNUM_RUN) ?? []) {
    let latin = false;
    for (const ch of run) {
      if (HAN.test(ch)) {
        count += 1;
        latin = false;
      } else if (!latin) {
        count += 1;
        latin = true;
      }
    }
  }
  return count;
}

export function readingMinutes(charCount: number): number {
  return Math.max(1, Math.round(charCount / CHARS_PER_MINUTE));
}

// A sentence ends at 。！？ (or half-width !?) and any closing quotes right after it.
// (Escapes, not literal full-width marks: an editor's font can make ！ and ! look alike.)
const END = "。\uFF01\uFF1F!?";
const CLOSE = "”’」』\"')\uFF09";
const SENTENCE = new RegExp(`[^${END}\\n]*[${END}]+[${CLOSE}]*|[^${END}\\n]+$`, "gmu");

const SENTENCE_END = new RegExp(`[${END}][${CLOSE}]*$`, "u");

/** Splits text into sentences, keeping each sentence's end mark and closing quotes. */
export function splitSentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter(Boolean);
}

/**
 * An excerpt of whole sentences from the start of the text: as many as fit in
 * `maxChars`, and always at least the first, so it never stops mid-sentence.
 */
export function excerpt(text: string, maxChars = 120): string {
  const firstBlock = text.split("\n").find((b) => new RegExp(`[${END}]`).test(b)) ?? text.split("\n")[0] ?? "";
  const sentences = splitSentences(firstBlock);
  let out = "";
  for (const s of sentences) {
    if (!SENTENCE_END.test(s)) break;
    if (out && out.length + s.length > maxChars) break;
    out += s;
  }
  return out;
}

// A clause ends at ，；：、 (full-width): where a too-long sentence may be cut, marked with an ellipsis.
const CLAUSE_END = /[\uFF0C\uFF1B\uFF1A\u3001]/gu;

/**
 * A card's excerpt of at most `maxChars` characters: whole sentences while they fit; when even the first does
 * not, it is cut after its last clause that fits (or at `maxChars`) and ends with ……, never mid-clause unmarked.
 */
export function cutExcerpt(text: string, maxChars: number): string {
  const sentences = splitSentences(text);
  let out = "";
  for (const s of sentences) {
    if (out.length + s.length > maxChars) break;
    out += s;
  }
  if (out) return out;
  const first = sentences[0] ?? text.trim();
  if (first.length <= maxChars) return first;
  let cut = 0;
  for (const m of first.slice(0, maxChars).matchAll(CLAUSE_END)) cut = m.index;
  // A clause shorter than half the budget says too little: cut at the budget instead.
  if (cut < maxChars / 2) cut = maxChars - 1;
  return `${first.slice(0, cut)}……`;
}
