// The print text as a stream of items: headings, text lines and jump markers,
// each with its source line; page furniture taken out of the stream and recorded.

import { bylineLine, sourceLine } from "./bylines";
import {
  addHeaderFacts,
  headerLine,
  pageNumberLine,
  paperNameLine,
  splitJump,
  type FurnitureLine,
  type IssueFacts,
  type JumpMarker,
} from "./furniture";
import { hasSentenceEnd } from "./punctuation";

export type Item =
  | { kind: "heading"; level: number; text: string; n: number }
  | { kind: "text"; text: string; n: number }
  | { kind: "jump"; marker: JumpMarker; n: number };

/** An item's words: a jump marker's as printed. */
export const itemText = (it: Item) => (it.kind === "jump" ? it.marker.raw : it.text);

const headingOf = (line: string) => /^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
export const norm = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
export const length = (s: string) => [...s].length;

/** The source's lines, a byte-order mark dropped, for quoting them verbatim. */
export function sourceLines(source: string): string[] {
  return source.replace(/^\uFEFF/, "").split(/\r?\n/);
}

/** Non-blank lines as items; a jump marker opening or closing a paragraph becomes an item of its own. */
export function toItems(source: string): Item[] {
  const items: Item[] = [];
  sourceLines(source).forEach((raw, i) => {
    const text = raw.trim();
    const n = i + 1;
    if (!text) return;
    const h = headingOf(text);
    if (h) return void items.push({ kind: "heading", level: h[1]!.length, text: h[2]!.trim(), n });
    const jump = splitJump(text);
    if (!jump) return void items.push({ kind: "text", text, n });
    if (jump.before) items.push({ kind: "text", text: jump.before, n });
    items.push({ kind: "jump", marker: jump.marker, n });
    if (jump.after) items.push({ kind: "text", text: jump.after, n });
  });
  return items;
}

/** Longest kicker (引题) or banner line, in characters. */
export const KICKER_MAX = 30;

/** A short line that reads like a title, not like a sentence, a cut-off sentence, a credit or a source. */
export function titleLike(text: string, max: number, isDateline: (t: string) => boolean): boolean {
  return (
    length(text) <= max &&
    !hasSentenceEnd(text) &&
    !/[，,、；;：:]$/u.test(text) &&
    !/^[(（].*[)）]$/u.test(text) &&
    !isDateline(text) &&
    !(bylineLine(text)?.marked ?? false) &&
    sourceLine(text) === null
  );
}

/** Why a line is furniture, if it is one that needs no context: header, credits line, page number. */
function plainFurniture(text: string, facts: IssueFacts, n: number): FurnitureLine | null {
  if (pageNumberLine(text)) return { line: n, text, kind: "page-number", reason: "页码" };
  const header = headerLine(text);
  if (!header || (!header.strong && header.paper)) return null;
  addHeaderFacts(facts, header, n);
  const staffOnly = header.staff.length > 0 && !header.date && !header.page && !header.number;
  return staffOnly
    ? { line: n, text, kind: "staff", reason: "版面署名（责任编辑、版式、校对等），记入本期信息" }
    : { line: n, text, kind: "header", reason: "报头、版头（报名、日期、星期、版次、版名、期号），记入本期信息" };
}

/**
 * Takes page furniture out of the stream. A paper's name alone counts only beside
 * another header line or when it recurs: a short line ending in 报 could otherwise
 * be a kicker or the banner.
 */
export function takeFurniture(items: Item[]): { items: Item[]; furniture: FurnitureLine[]; facts: IssueFacts } {
  const facts: IssueFacts = { pages: [] };
  const found = new Map<number, FurnitureLine>();
  items.forEach((it, i) => {
    if (it.kind !== "text") return;
    const f = plainFurniture(it.text, facts, it.n);
    if (f) found.set(i, f);
  });
  const count = new Map<string, number>();
  for (const it of items) if (it.kind === "text") count.set(norm(it.text), (count.get(norm(it.text)) ?? 0) + 1);
  items.forEach((it, i) => {
    if (it.kind !== "text" || found.has(i) || !paperNameLine(it.text)) return;
    const beside = found.has(i - 1) || found.has(i + 1);
    if (beside || (count.get(norm(it.text)) ?? 0) > 1)
      found.set(i, { line: it.n, text: it.text, kind: "paper-name", reason: "报名" });
  });
  return { items: items.filter((_, i) => !found.has(i)), furniture: [...found.values()], facts };
}

/**
 * Running heads: the banner printed again where a page broke, or any short line
 * printed more than once with a repeat between two lines of text (a kicker shared
 * by two stories stands before headlines only).
 */
export function takeRunningHeads(
  items: Item[],
  bannerEnd: number,
  bannerParts: string[],
  isDateline: (t: string) => boolean,
): { items: Item[]; furniture: FurnitureLine[] } {
  const banner = new Set(bannerParts.map(norm));
  if (bannerParts.length > 1) banner.add(norm(bannerParts.join("")));
  const text = (i: number) => {
    const it = items[i];
    return it?.kind === "text" ? norm(it.text) : undefined;
  };
  const repeated = new Set<string>();
  const seen = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.kind === "text" && titleLike(it.text, KICKER_MAX, isDateline))
      seen.set(norm(it.text), [...(seen.get(norm(it.text)) ?? []), i]);
  });
  for (const [key, at] of seen)
    if (at.length > 1 && at.some((i) => text(i - 1) !== undefined && text(i + 1) !== undefined)) repeated.add(key);
  const furniture: FurnitureLine[] = [];
  const kept = items.filter((it, i) => {
    if (it.kind !== "text" || i < bannerEnd) return true;
    const key = norm(it.text);
    if (!banner.has(key) && !repeated.has(key)) return true;
    const reason = banner.has(key) ? "版头（报眼）在分页处重复印出" : "重复出现的栏头（刊头），夹在正文之间";
    furniture.push({ line: it.n, text: it.text, kind: "running-head", reason });
    return false;
  });
  return { items: kept, furniture };
}
