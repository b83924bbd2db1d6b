// Punctuation of print text: where a paragraph ends, and half-width marks the
// layout system left in Chinese text restored to full width.

const HAN = /\p{Script=Han}/u;
/** Chinese punctuation and quotes: CJK symbols, full-width forms, curly quotes, …, —, ·. */
const CJK_PUNCT = /[\u3000-\u303F\uFF00-\uFFEF“”‘’…—·]/u;
const ASCII_ALNUM = /[A-Za-z0-9]/;
const WIDE: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）" };

/**
 * A paragraph ends where a sentence ends: 。!?…, a semicolon or colon (list
 * items and the line that introduces them are printed one per paragraph), a
 * closing quote or bracket (a quoted sentence, a byline in parentheses).
 * Anything else was cut by a page or column break.
 */
const PARAGRAPH_END = /[。！？!?…；;：:”’」』)）】"']\s*$/u;

export function endsParagraph(text: string): boolean {
  return PARAGRAPH_END.test(text);
}

/** A sentence end anywhere in the text (used to tell a short title-like line from a sentence). */
export function hasSentenceEnd(text: string): boolean {
  return /[。！？!?]/u.test(text);
}

const isCjk = (c: string | undefined) => !!c && (HAN.test(c) || CJK_PUNCT.test(c));
const isAsciiAlnum = (c: string | undefined) => !!c && ASCII_ALNUM.test(c);

/**
 * Half-width , ; : ! ? ( ) next to Chinese text become their full-width forms;
 * between ASCII letters or digits (3.5, 12:30, 1,500, f(x)) they stay. A space
 * typed after a restored , ; : ! ? (English habit) is dropped, as is one before it.
 * Parentheses change as a pair, so "(APP)" after Chinese text becomes "（APP）".
 */
export function restorePunctuation(text: string): string {
  const chars = [...text];
  const prevOf = (i: number) => {
    for (let j = i - 1; j >= 0; j--) if (chars[j] !== " ") return chars[j];
    return undefined;
  };
  const nextOf = (i: number) => {
    for (let j = i + 1; j < chars.length; j++) if (chars[j] !== " ") return chars[j];
    return undefined;
  };
  const inChinese = (i: number) => {
    const p = prevOf(i);
    const n = nextOf(i);
    if (isAsciiAlnum(p) && isAsciiAlnum(n)) return false;
    return isCjk(p) || isCjk(n);
  };

  const out: (string | null)[] = [...chars];
  const stack: number[] = [];
  const paired = new Set<number>();
  chars.forEach((c, i) => {
    if (c === "(") stack.push(i);
    else if (c === ")" && stack.length) {
      const open = stack.pop()!;
      paired.add(open).add(i);
      if (inChinese(open) || inChinese(i)) {
        out[open] = WIDE["("]!;
        out[i] = WIDE[")"]!;
      }
    }
  });
  chars.forEach((c, i) => {
    if (c === "(" || c === ")") {
      if (!paired.has(i) && inChinese(i)) out[i] = WIDE[c]!;
      return;
    }
    if (!",;:!?".includes(c) || !inChinese(i)) return;
    out[i] = WIDE[c]!;
    // Drop the spaces around a restored mark: full-width marks carry their own spacing.
    for (let j = i + 1; j < chars.length && chars[j] === " "; j++) out[j] = null;
    for (let j = i - 1; j >= 0 && chars[j] === " "; j--) out[j] = null;
  });
  return out.filter((c) => c !== null).join("");
}
