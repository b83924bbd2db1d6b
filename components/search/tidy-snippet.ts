import type { Marked } from "@/lib/search/snippet";

// Han characters, CJK punctuation and full-width forms: Chinese text, where a space is never a word gap.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d]/u;

/**
 * A snippet's text without the ASCII spaces that joined its paragraphs between Chinese characters
 * (动力。 据悉 → 动力。据悉), its marks moved to match. Spaces between Latin words stay.
 */
export function tidySnippet(value: Marked): Marked {
  const drop: number[] = [];
  const { text } = value;
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]!)) continue;
    let j = i;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (i > 0 && j < text.length && CJK.test(text[i - 1]!) && CJK.test(text[j]!))
      for (let k = i; k < j; k++) drop.push(k);
    i = j - 1;
  }
  if (drop.length === 0) return value;
  const dropped = new Set(drop);
  // Where each old position lands: the number of kept characters before it.
  const shift = new Array<number>(text.length + 1);
  let kept = 0;
  for (let i = 0; i <= text.length; i++) {
    shift[i] = kept;
    if (i < text.length && !dropped.has(i)) kept++;
  }
  return {
    // Code units, not characters: only spaces are dropped, so a surrogate pair is never split.
    text: text
      .split("")
      .filter((_, i) => !dropped.has(i))
      .join(""),
    marks: value.marks.map(([s, e]) => [shift[s]!, shift[e]!] as [number, number]).filter(([s, e]) => e > s),
  };
}
