import { pinyin } from "pinyin-pro";

/** Syllables a slug keeps from its headline: enough to recognise it in a URL. */
export const SLUG_SYLLABLES = 6;

/**
 * A readable ASCII slug from Chinese text: toneless pinyin, one syllable per
 * character (pinyin-pro picks the reading from context: 行业 → hang-ye), runs of
 * Latin letters and digits kept as they are, the first `syllables` parts, hyphenated.
 */
export function pinyinSlug(text: string, syllables = SLUG_SYLLABLES): string {
  const normal = text.normalize("NFKC");
  const parts = pinyin(normal, { toneType: "none", type: "array", nonZh: "consecutive", v: true }).flatMap(
    (token) => token.toLowerCase().match(/[a-z0-9]+/g) ?? [],
  );
  return parts.slice(0, syllables).join("-");
}

/** `base`, or base-2, base-3… whichever is not taken yet; the chosen slug is added to `taken`. */
export function uniqueSlug(base: string, taken: Set<string>, fallback = "article"): string {
  const stem = base || fallback;
  let slug = stem;
  for (let n = 2; taken.has(slug); n++) slug = `${stem}-${n}`;
  taken.add(slug);
  return slug;
}
