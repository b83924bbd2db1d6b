// One story read from the lines under its headline: the credits and subtitle
// above the text, the text with page breaks joined, the credits closing it, its dateline.

import {
  bylineLine,
  leadingDateline,
  photoCaption,
  sourceLine,
  trailingByline,
  trailingSource,
  type CreditList,
} from "./bylines";
import type { JumpMarker } from "./furniture";
import { isDateline } from "./layout";
import { titleLike, type Item } from "./lines";
import { endsParagraph } from "./punctuation";
import type { BylineSource, Caption, Found, ImportedStory, PageJoin } from "./types";

/** Longest subtitle (副题), in characters. */
const SUBTITLE_MAX = 40;

export interface RawBlock {
  kind: "paragraph" | "subhead" | "jump";
  text: string;
  from: number;
  to: number;
  jump?: JumpMarker;
}

/** A story before its text is finished: blocks as printed, and what followed its closing byline. */
export interface RawStory extends Omit<ImportedStory, "slug" | "section" | "blocks" | "bylines" | "photoCredits"> {
  rawBlocks: RawBlock[];
  displaced: RawBlock[];
  /** Another story's continuation ("接第1版" and what follows) printed inside this one's text. */
  continued: RawBlock[];
}

/**
 * A "上接第N版" inside a story's text, not straight after its own "下转": the rest
 * of another story, printed after this one's text. It and all after it leave the story.
 */
export function takeContinuation(blocks: RawBlock[]): RawBlock[] {
  const isJump = (b: RawBlock | undefined, d: string) => b?.kind === "jump" && b.jump?.direction === d;
  const at = blocks.findIndex((b, i) => i > 0 && isJump(b, "from") && !isJump(blocks[i - 1], "to"));
  return at === -1 ? [] : blocks.splice(at);
}

export const clip = (s: string, n: number, fromEnd = false) => {
  const chars = [...s];
  if (chars.length <= n) return s;
  return fromEnd ? `…${chars.slice(-n).join("")}` : `${chars.slice(0, n).join("")}…`;
};

export const creditSource = (list: CreditList, raw: string, line: number, how: string): BylineSource => ({
  ...list,
  raw,
  line,
  how,
});

export interface Head {
  /** Index in the segment where the text starts. */
  next: number;
  subtitle?: Found;
  credits: BylineSource[];
  source?: Found;
  captions: Caption[];
}

/** Lines right under the headline: a subtitle, then lines of credits, a source, captions. */
export function readHead(segment: Item[]): Head {
  const head: Head = { next: 0, credits: [], captions: [] };
  for (let j = 0; j < segment.length && j < 6; j++) {
    const it = segment[j]!;
    if (it.kind !== "text") break;
    const credit = bylineLine(it.text);
    const source = credit ? null : sourceLine(it.text);
    const caption = credit || source ? null : photoCaption(it.text);
    if (credit) head.credits.push(creditSource(credit, it.text, it.n, `标题下的署名行「${it.text}」（第 ${it.n} 行）`));
    else if (source) head.source ??= { value: source.source, how: `标题下的来源行「${it.text}」`, line: it.n };
    else if (caption) head.captions.push({ text: caption.caption, credits: caption.credits, line: it.n });
    else if (j === 0 && titleLike(it.text, SUBTITLE_MAX, isDateline) && j + 1 < segment.length)
      head.subtitle = { value: it.text, how: `标题下一行（第 ${it.n} 行）的短句，没有句末标点`, line: it.n };
    else break;
    head.next = j + 1;
  }
  return head;
}

/** Whether a line can be the rest of a sentence cut by a page break, rather than a new paragraph. */
function continuesSentence(text: string): boolean {
  return (
    !isDateline(text) &&
    !(bylineLine(text)?.marked ?? false) &&
    !/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]\D)/u.test(text)
  );
}

/** The paragraph a new line may join: the last block, or the one before a jump out and straight back in. */
function joinTarget(blocks: RawBlock[]): RawBlock | undefined {
  let i = blocks.length - 1;
  const isJump = (b: RawBlock | undefined, d: string) => b?.kind === "jump" && b.jump?.direction === d;
  if (isJump(blocks[i], "from") && isJump(blocks[i - 1], "to")) i -= 2;
  const b = blocks[i];
  return b?.kind === "paragraph" ? b : undefined;
}

/** Adds a line of text: joined to the paragraph before when a page break cut that one mid-sentence. */
export function addParagraph(blocks: RawBlock[], joins: PageJoin[], text: string, n: number): void {
  const target = joinTarget(blocks);
  if (target && !endsParagraph(target.text) && continuesSentence(text)) {
    joins.push({ line: target.to, nextLine: n, before: clip(target.text, 8, true), after: clip(text, 8) });
    target.text += text;
    target.to = n;
  } else blocks.push({ kind: "paragraph", text, from: n, to: n });
}

/**
 * A caption among the paragraphs: opened by ▲ or 图为, closed by an unbracketed
 * "记者 张三 摄", or a photo credit alone. "……。（记者 张三 摄）" closing a paragraph is its credit.
 */
function bodyCaption(text: string, n: number): Caption | null {
  const c = photoCaption(text);
  return c && (c.opened || !c.parenthesised || !c.caption) ? { text: c.caption, credits: c.credits, line: n } : null;
}

export interface Body {
  blocks: RawBlock[];
  joins: PageJoin[];
  captions: Caption[];
  /** Index in the segment of the heading that ends the text, or the segment's length. */
  stop: number;
}

/** The text: paragraphs (page-break fragments joined), subheads, jump markers; captions set aside. */
export function readBody(segment: Item[], from: number): Body {
  const body: Body = { blocks: [], joins: [], captions: [], stop: segment.length };
  for (let i = from; i < segment.length; i++) {
    const it = segment[i]!;
    if (it.kind === "heading" && it.level <= 3) {
      body.stop = i;
      break;
    }
    if (it.kind === "heading") body.blocks.push({ kind: "subhead", text: it.text, from: it.n, to: it.n });
    else if (it.kind === "jump")
      body.blocks.push({ kind: "jump", text: it.marker.raw, from: it.n, to: it.n, jump: it.marker });
    else {
      const caption = bodyCaption(it.text, it.n);
      if (caption) body.captions.push(caption);
      else addParagraph(body.blocks, body.joins, it.text, it.n);
    }
  }
  return body;
}

export interface Closing {
  credits: BylineSource[];
  source?: Found;
}

/** Credits or a source closing a paragraph, or making up all of it; the paragraph's text left. */
function closingOf(block: RawBlock, last: boolean): (Closing & { rest: string }) | null {
  const at = block.to;
  const tb = trailingByline(block.text);
  if (tb)
    return { credits: [creditSource(tb, tb.raw, at, `末段结尾的括号署名「${tb.raw}」（第 ${at} 行）`)], rest: tb.rest };
  const ts = trailingSource(block.text) ?? sourceLine(block.text);
  if (ts) return { credits: [], source: { value: ts.source, how: `文末的来源「${ts.raw}」`, line: at }, rest: ts.rest };
  const line = bylineLine(block.text);
  if (line && (line.marked || last))
    return { credits: [creditSource(line, block.text, at, `文末的署名行「${block.text}」（第 ${at} 行）`)], rest: "" };
  return null;
}

/**
 * The story closes at the first paragraph that ends with its credits or source;
 * lines of credits or sources right after it close it too. What follows is
 * displaced: it cannot belong to this story.
 */
export function closeStory(blocks: RawBlock[]): Closing & { displaced: RawBlock[] } {
  const lastParagraph = blocks.findLastIndex((b) => b.kind === "paragraph");
  const closes = (i: number) => {
    const b = blocks[i];
    return b?.kind === "paragraph" ? closingOf(b, i === lastParagraph) : null;
  };
  const c = blocks.findIndex((_, i) => closes(i) !== null);
  if (c === -1) return { credits: [], displaced: [] };
  const closing: Closing = { credits: [] };
  let k = c;
  for (let found = closes(k); found && (k === c || !found.rest); found = closes(k)) {
    closing.credits.push(...found.credits);
    closing.source ??= found.source;
    blocks[k]!.text = found.rest;
    k++;
  }
  const displaced = blocks.splice(k);
  for (let i = k - 1; i >= c; i--) if (!blocks[i]!.text) blocks.splice(i, 1);
  return { ...closing, displaced };
}

/** A dateline opening the first paragraph (after any subheads), with the credits it may carry. */
export function takeDateline(blocks: RawBlock[]): { dateline?: Found; credits?: BylineSource; agency?: Found } {
  const first = blocks.find((b) => b.kind !== "subhead");
  if (first?.kind !== "paragraph") return {};
  const d = leadingDateline(first.text);
  if (!d) return {};
  first.text = d.rest;
  const at = first.from;
  return {
    dateline: { value: d.dateline, how: `首段开头（第 ${at} 行）的电头「${d.raw}」`, line: at },
    credits: d.byline ? creditSource(d.byline, d.raw, at, `电头括号内的署名「${d.raw}」（第 ${at} 行）`) : undefined,
    agency: d.agency ? { value: d.agency, how: `电头「${d.dateline}」的发稿单位（第 ${at} 行）`, line: at } : undefined,
  };
}
