// parsePrintIssue: one issue's text as the layout system exports it (Markdown-ish
// headings, one paragraph per line, blank lines between) → the stories in print
// order, with what was found for each and how, plus the text it could not place.
// Pure: text and the declared sections/columns in, a structured result out.

import type { ColumnEntry, SectionEntry } from "../schemas";
import { bylineLine, leadingDateline, trailingByline, type NameList } from "./bylines";
import { endsParagraph, hasSentenceEnd, restorePunctuation } from "./punctuation";
import { guessSection, type SectionGuess } from "./section";
import { pinyinSlug, uniqueSlug } from "./slug";

export interface ImportOptions {
  sections: SectionEntry[];
  columns: ColumnEntry[];
  /** Slugs already used anywhere under content/ (file names, slug: and oldSlugs:). */
  existingSlugs?: Iterable<string>;
}

/** What was decided for one frontmatter field, and why, for the report. */
export interface Found {
  value: string;
  how: string;
  /** 1-based source line. */
  line: number;
}

export interface BylineSource extends NameList {
  how: string;
  /** As printed, e.g. "(军星 李斌)" or "本报记者 王五". */
  raw: string;
  line: number;
}

export interface Block {
  kind: "paragraph" | "subhead";
  /** The text as it goes into the draft: page breaks joined, punctuation restored. */
  text: string;
  /** Source lines it came from (1-based, inclusive). */
  from: number;
  to: number;
}

/** Two source lines joined because the first was cut mid-sentence by a page or column break. */
export interface PageJoin {
  line: number;
  nextLine: number;
  /** The last characters before the cut and the first after it. */
  before: string;
  after: string;
}

export interface ColumnHead {
  /** As printed. */
  name: string;
  line: number;
  /** The declared column of that name, if any. */
  slug?: string;
  /** For an undeclared column: a slug to declare it under. */
  suggestedSlug?: string;
}

export interface ImportedStory {
  slug: string;
  title: Found;
  headingLevel: number;
  kicker?: Found;
  subtitle?: Found;
  dateline?: Found;
  bylines: string[];
  bylineSources: BylineSource[];
  column?: ColumnHead;
  section: SectionGuess;
  blocks: Block[];
  joins: PageJoin[];
  /** Text displaced in print that was moved to the end of this story: a low-confidence placement. */
  attached?: { from: number; to: number; reason: string; opening: string };
  /** Things the editor should look at. */
  warnings: string[];
}

export interface UnplacedText {
  from: number;
  to: number;
  /** The source lines from..to, verbatim. */
  text: string;
  reason: string;
}

export interface PrintIssueImport {
  banner?: string;
  bannerLines: number[];
  stories: ImportedStory[];
  unplaced: UnplacedText[];
  /** Issue-wide remarks for the report. */
  notes: string[];
}

type Item = { kind: "heading"; level: number; text: string; n: number } | { kind: "text"; text: string; n: number };

interface RawBlock {
  kind: "paragraph" | "subhead";
  text: string;
  from: number;
  to: number;
}

/** Longest kicker (引题) or banner line, in characters. */
const KICKER_MAX = 30;
/** Longest subtitle (副题), in characters. */
const SUBTITLE_MAX = 40;

const length = (s: string) => [...s].length;
const headingOf = (line: string) => /^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
const norm = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "");
const clip = (s: string, n: number, fromEnd = false) => {
  const chars = [...s];
  if (chars.length <= n) return s;
  return fromEnd ? `…${chars.slice(-n).join("")}` : `${chars.slice(0, n).join("")}…`;
};

/** A short line that reads like a title, not like a sentence or a cut-off sentence. */
function titleLike(text: string, max: number): boolean {
  return (
    length(text) <= max &&
    !hasSentenceEnd(text) &&
    !/[，,、；;：:]$/u.test(text) &&
    !/^[(（].*[)）]$/u.test(text) &&
    leadingDateline(text) === null
  );
}

function toItems(source: string): Item[] {
  const items: Item[] = [];
  source
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const text = raw.trim();
      if (!text) return;
      const h = headingOf(text);
      if (h) items.push({ kind: "heading", level: h[1]!.length, text: h[2]!.trim(), n: i + 1 });
      else items.push({ kind: "text", text, n: i + 1 });
    });
  return items;
}

export function parsePrintIssue(source: string, options: ImportOptions): PrintIssueImport {
  const sourceLines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  const verbatim = (from: number, to: number) =>
    sourceLines
      .slice(from - 1, to)
      .join("\n")
      .trim();
  const items = toItems(source);
  const unplaced: UnplacedText[] = [];
  const notes: string[] = [];
  const place = (from: number, to: number, reason: string) =>
    unplaced.push({ from, to, text: verbatim(from, to), reason });

  const isHead = (i: number) => {
    const it = items[i];
    return it?.kind === "heading" && it.level <= 3;
  };
  const kickerAt = (i: number) => {
    const it = items[i];
    return it?.kind === "text" && titleLike(it.text, KICKER_MAX);
  };

  // Roles of the headings: a heading followed by another (maybe with a kicker
  // between) is a column head; the last heading of such a run is the headline.
  type Role = "headline" | "column" | "extraHead" | "orphanHeading";
  const role = new Map<number, Role>();
  for (let i = items.length - 1; i >= 0; i--) {
    if (!isHead(i)) continue;
    if (isHead(i + 1) || (kickerAt(i + 1) && isHead(i + 2)))
      role.set(i, role.get(i + 1) === "column" ? "extraHead" : "column");
    else if (i + 1 < items.length) role.set(i, "headline");
    else role.set(i, "orphanHeading");
  }

  // Banner: short plain lines before the first heading.
  const firstHeading = items.findIndex((it) => it.kind === "heading");
  const topEnd = firstHeading === -1 ? items.length : firstHeading;
  const bannerParts: string[] = [];
  const bannerLines: number[] = [];
  for (let i = 0; i < topEnd; i++) {
    const it = items[i]!;
    if (titleLike(it.text, KICKER_MAX)) {
      bannerParts.push(it.text);
      bannerLines.push(it.n);
    } else place(it.n, it.n, "位于第一个标题之前，又不像版头（太长或有句末标点）");
  }
  if (bannerLines.length > 1) notes.push(`版头由第 ${bannerLines.join("、")} 行合成，用空格连接。`);
  if (firstHeading === -1) notes.push("全文没有任何以 # 开头的标题行，无法分出稿件。");

  // Each headline's preamble: [extra heads] [column head] [kicker] headline.
  interface Frame {
    h: number;
    start: number;
    kicker?: number;
    column?: number;
  }
  const frames: Frame[] = [];
  for (let h = 0; h < items.length; h++) {
    if (role.get(h) !== "headline") continue;
    const frame: Frame = { h, start: h };
    if (h - 1 >= topEnd && kickerAt(h - 1)) {
      frame.kicker = h - 1;
      frame.start = h - 1;
    }
    if (role.get(frame.start - 1) === "column") {
      frame.column = frame.start - 1;
      frame.start -= 1;
      while (role.get(frame.start - 1) === "extraHead") frame.start -= 1;
    }
    // A kicker must not swallow the only line of the previous headline's story.
    const prev = frames.at(-1);
    if (prev && frame.start <= prev.h) {
      frame.kicker = undefined;
      frame.column = undefined;
      frame.start = h;
    }
    frames.push(frame);
  }

  // Everything between the banner and the first story, and chains of headings, cannot be placed.
  const placeItems = (from: number, to: number, why: (it: Item, i: number) => string) => {
    for (let i = from; i < to; i++) place(items[i]!.n, items[i]!.n, why(items[i]!, i));
  };
  const headingWhy = (it: Item, i: number) =>
    role.get(i) === "extraHead"
      ? "连续多个标题行：只有紧挨正文标题的那一个当作栏目名，这一行用途不明"
      : role.get(i) === "orphanHeading"
        ? "标题后面没有正文"
        : it.kind === "heading" && it.level >= 4
          ? "小标题出现在任何稿件之前"
          : "位于版头与第一篇稿件之间";
  const firstStart = frames[0]?.start ?? items.length;
  placeItems(topEnd, firstStart, headingWhy);
  for (const f of frames)
    for (let i = f.start; i < (f.column ?? f.kicker ?? f.h); i++)
      place(items[i]!.n, items[i]!.n, headingWhy(items[i]!, i));

  const taken = new Set(options.existingSlugs ?? []);
  const declaredColumnSlugs = new Set(options.columns.map((c) => c.slug));
  const stories: (ImportedStory & { displaced: RawBlock[]; rawBlocks: RawBlock[] })[] = [];

  frames.forEach((frame, k) => {
    const end = frames[k + 1]?.start ?? items.length;
    const head = items[frame.h]!;
    const segment = items.slice(frame.h + 1, end);
    const warnings: string[] = [];
    const bylineSources: BylineSource[] = [];

    // Lines right under the headline: a subtitle, then a line of names.
    let j = 0;
    let subtitle: Found | undefined;
    let titleByline: { list: NameList; item: Item } | undefined;
    while (j < segment.length && j < 2) {
      const it = segment[j]!;
      if (it.kind !== "text") break;
      const names = titleByline ? null : bylineLine(it.text);
      if (names) {
        titleByline = { list: names, item: it };
        j++;
        continue;
      }
      if (!subtitle && !titleByline && titleLike(it.text, SUBTITLE_MAX) && j + 1 < segment.length) {
        subtitle = { value: it.text, how: `标题下一行（第 ${it.n} 行）的短句，没有句末标点`, line: it.n };
        j++;
        continue;
      }
      break;
    }

    // Body: paragraphs (page-break fragments joined) and subheads.
    const rawBlocks: RawBlock[] = [];
    const joins: PageJoin[] = [];
    let stop = segment.length;
    for (let i = j; i < segment.length; i++) {
      const it = segment[i]!;
      if (it.kind === "heading") {
        if (it.level <= 3) {
          stop = i;
          break;
        }
        rawBlocks.push({ kind: "subhead", text: it.text, from: it.n, to: it.n });
        continue;
      }
      const prev = rawBlocks.at(-1);
      if (prev?.kind === "paragraph" && !endsParagraph(prev.text)) {
        joins.push({ line: prev.to, nextLine: it.n, before: clip(prev.text, 8, true), after: clip(it.text, 8) });
        prev.text += it.text;
        prev.to = it.n;
      } else rawBlocks.push({ kind: "paragraph", text: it.text, from: it.n, to: it.n });
    }
    for (let i = stop; i < segment.length; i++)
      place(segment[i]!.n, segment[i]!.n, headingWhy(segment[i]!, frame.h + 1 + i));

    // A headline whose only line was taken for a subtitle: it was text after all.
    if (!rawBlocks.some((b) => b.kind === "paragraph") && subtitle) {
      rawBlocks.unshift({ kind: "paragraph", text: subtitle.value, from: subtitle.line, to: subtitle.line });
      subtitle = undefined;
    }

    // The story closes at the first paragraph that ends with a byline in parentheses.
    let displaced: RawBlock[] = [];
    const closing = rawBlocks.findIndex((b) => b.kind === "paragraph" && trailingByline(b.text) !== null);
    if (closing !== -1) {
      const block = rawBlocks[closing]!;
      const tb = trailingByline(block.text)!;
      bylineSources.push({
        names: tb.names,
        roles: tb.roles,
        raw: tb.raw,
        line: block.to,
        how: `末段结尾的括号署名「${tb.raw}」（第 ${block.to} 行）`,
      });
      block.text = tb.rest;
      displaced = rawBlocks.splice(closing + 1);
      if (!block.text) rawBlocks.splice(closing, 1);
    }

    // A headline with no text under it at all cannot make a draft.
    if (rawBlocks.length === 0 && displaced.length === 0) {
      place(items[frame.start]!.n, items[frame.h + stop]!.n, "标题下面没有正文，无法成稿");
      return;
    }

    // Dateline at the start of the first paragraph, perhaps with names in it.
    let dateline: Found | undefined;
    const first = rawBlocks[0];
    if (first?.kind === "paragraph") {
      const d = leadingDateline(first.text);
      if (d) {
        dateline = { value: d.dateline, how: `首段开头（第 ${first.from} 行）的电头「${d.raw}」`, line: first.from };
        first.text = d.rest;
        if (d.byline)
          bylineSources.unshift({
            ...d.byline,
            raw: d.raw,
            line: first.from,
            how: `电头括号内的署名「${d.raw}」（第 ${first.from} 行）`,
          });
      }
    }
    if (titleByline) {
      bylineSources.unshift({
        ...titleByline.list,
        raw: titleByline.item.text,
        line: titleByline.item.n,
        how: `标题下的署名行「${titleByline.item.text}」（第 ${titleByline.item.n} 行）`,
      });
    }

    let kicker: Found | undefined;
    if (frame.kicker !== undefined) {
      const it = items[frame.kicker]!;
      kicker = { value: it.text, how: `标题前一行（第 ${it.n} 行）的短句，没有句末标点`, line: it.n };
    }
    let column: ColumnHead | undefined;
    if (frame.column !== undefined) {
      const it = items[frame.column]!;
      const declared = options.columns.find((c) => norm(c.name) === norm(it.text));
      column = declared
        ? { name: it.text, line: it.n, slug: declared.slug }
        : {
            name: it.text,
            line: it.n,
            suggestedSlug: uniqueSlug(pinyinSlug(it.text), new Set(declaredColumnSlugs), "column"),
          };
    }

    const title = restorePunctuation(head.text);
    stories.push({
      slug: "",
      title: {
        value: title,
        how: `第 ${head.n} 行的 ${"#".repeat(head.kind === "heading" ? head.level : 1)} 标题，后面跟着正文`,
        line: head.n,
      },
      headingLevel: head.kind === "heading" ? head.level : 1,
      kicker,
      subtitle,
      dateline,
      bylines: [],
      bylineSources,
      column,
      section: { slug: "", scores: [], noEvidence: true },
      blocks: [],
      joins,
      warnings,
      displaced,
      rawBlocks,
    });
  });

  // Displaced text: after a story closed with its byline, before the next headline.
  stories.forEach((story, k) => {
    const d = story.displaced;
    if (d.length === 0) return;
    const from = d[0]!.from;
    const to = d.at(-1)!.to;
    const last = d.at(-1)!;
    const tb = last.kind === "paragraph" ? trailingByline(last.text) : null;
    const moreBylines = d.slice(0, -1).some((b) => b.kind === "paragraph" && trailingByline(b.text) !== null);
    const next = stories[k + 1];
    const nextHasByline = next ? next.bylineSources.length > 0 : false;
    if (tb && !moreBylines && next && !nextHasByline) {
      last.text = tb.rest;
      const moved = last.text ? d : d.slice(0, -1);
      next.rawBlocks.push(...moved);
      next.bylineSources.push({
        names: tb.names,
        roles: tb.roles,
        raw: tb.raw,
        line: last.to,
        how: `错位段落（第 ${from}–${to} 行）末尾的括号署名「${tb.raw}」`,
      });
      next.attached = {
        from,
        to,
        opening: clip(d[0]!.text, 20),
        reason:
          `第 ${from}–${to} 行在「${story.title.value}」的署名之后、「${next.title.value}」之前，不可能属于前一篇；` +
          `它以署名「${tb.raw}」结尾，而「${next.title.value}」没有署名，所以接在其末尾。低置信度：请核对版面。`,
      };
      return;
    }
    const why = !next
      ? "位于最后一篇稿件的署名之后，没有可归属的稿件"
      : !tb
        ? `位于「${story.title.value}」的署名之后、「${next.title.value}」之前，自身没有署名，无法判断属于哪一篇`
        : moreBylines
          ? `位于「${story.title.value}」的署名之后，其中含有多个署名，无法判断归属`
          : `以署名「${tb.raw}」结尾，但下一篇「${next.title.value}」已有署名，不能再接到它后面`;
    place(from, to, why);
  });

  // Bylines, section, slug, warnings; punctuation restored in the text that goes to drafts.
  const result: ImportedStory[] = stories.map(({ displaced: _displaced, rawBlocks, ...story }) => {
    const bylines: string[] = [];
    for (const s of story.bylineSources) for (const n of s.names) if (!bylines.includes(n)) bylines.push(n);
    const blocks: Block[] = rawBlocks.map((b) => ({ ...b, text: restorePunctuation(b.text) }));
    const fix = (f?: Found) => (f ? { ...f, value: restorePunctuation(f.value) } : undefined);
    const body = blocks.map((b) => b.text).join("\n");
    const warnings = [...story.warnings];
    if (bylines.length === 0)
      warnings.push("没有找到署名（标题下、首段电头、末段括号里都没有）；请补上或确认本稿不署名。");
    const lastParagraph = blocks.filter((b) => b.kind === "paragraph").at(-1);
    if (lastParagraph && !endsParagraph(lastParagraph.text)) {
      warnings.push(
        `末段（第 ${lastParagraph.to} 行）没有句末标点，结尾「${clip(lastParagraph.text, 12, true)}」可能缺了下文。`,
      );
    }
    blocks.forEach((b, i) => {
      const next = blocks[i + 1];
      if (b.kind === "paragraph" && next?.kind === "subhead" && !endsParagraph(b.text)) {
        warnings.push(`第 ${b.to} 行的段落没有句末标点就接小标题，未与后文拼接。`);
      }
    });
    if (!blocks.some((b) => b.kind === "paragraph")) warnings.push("这篇稿件只有小标题、没有正文段落。");
    const title = fix(story.title)!;
    return {
      ...story,
      title,
      kicker: fix(story.kicker),
      subtitle: fix(story.subtitle),
      bylines,
      blocks,
      warnings,
      section: guessSection(options.sections, title.value, body),
      slug: uniqueSlug(pinyinSlug(title.value), taken),
    };
  });

  unplaced.sort((a, b) => a.from - b.from);
  return {
    banner: bannerParts.length ? bannerParts.join(" ") : undefined,
    bannerLines,
    stories: result,
    unplaced,
    notes,
  };
}
