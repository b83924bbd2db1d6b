// parsePrintIssue: one issue's text as the layout system exports it (Markdown-ish
// headings, one paragraph per line, blank lines between) → the stories in print
// order, with what was found for each and from which line, the page furniture
// taken out, and the text it could not place.
// Pure: text and the declared sections/columns in, a structured result out.

import { trailingByline } from "./bylines";
import type { IssueFacts } from "./furniture";
import { findBanner, findFrames, headingRoles, headingWhy, isDateline, type Frame, type HeadingRole } from "./layout";
import { itemText, norm, sourceLines, takeFurniture, takeRunningHeads, toItems, type Item } from "./lines";
import { pinyinSlug, uniqueSlug } from "./slug";
import {
  addParagraph,
  clip,
  closeStory,
  creditSource,
  readBody,
  readHead,
  takeContinuation,
  takeDateline,
  type RawBlock,
  type RawStory,
} from "./story";
import { finishStory } from "./finish";
import type { ColumnHead, DroppedLine, Found, ImportOptions, PrintIssueImport, UnplacedText } from "./types";

export type * from "./types";

/** What every step shares: the options, the source lines, and what was left out so far. */
interface Ctx {
  options: ImportOptions;
  lines: string[];
  unplaced: UnplacedText[];
  dropped: DroppedLine[];
  notes: string[];
}

function place(ctx: Ctx, from: number, to: number, reason: string): void {
  const text = ctx.lines
    .slice(from - 1, to)
    .join("\n")
    .trim();
  ctx.unplaced.push({ from, to, text, reason });
}

/** The item stream without furniture, the banner, and what the page headers said. */
function prepare(ctx: Ctx, source: string) {
  const taken = takeFurniture(toItems(source));
  const banner = findBanner(taken.items);
  const heads = takeRunningHeads(taken.items, banner.end, banner.parts, isDateline);
  ctx.dropped.push(...taken.furniture, ...heads.furniture);
  for (const s of banner.stray) place(ctx, s.item.n, s.item.n, s.reason);
  if (banner.lines.length > 1) ctx.notes.push(`版头由第 ${banner.lines.join("、")} 行合成，用空格连接。`);
  if (!heads.items.some((it) => it.kind === "heading")) ctx.notes.push("全文没有任何以 # 开头的标题行，无法分出稿件。");
  return { items: heads.items, banner, facts: taken.facts };
}

/** Everything between the banner and the first story, and chains of headings, cannot be placed. */
function placeOutsideStories(ctx: Ctx, items: Item[], role: Map<number, HeadingRole>, frames: Frame[], top: number) {
  const firstStart = frames[0]?.start ?? items.length;
  for (let i = top; i < firstStart; i++) place(ctx, items[i]!.n, items[i]!.n, headingWhy(items[i]!, role.get(i)));
  for (const f of frames)
    for (let i = f.start; i < (f.column ?? f.kicker ?? f.h); i++)
      place(ctx, items[i]!.n, items[i]!.n, headingWhy(items[i]!, role.get(i)));
}

function columnHead(ctx: Ctx, it: Item): ColumnHead {
  const name = itemText(it);
  const declared = ctx.options.columns.find((c) => norm(c.name) === norm(name));
  if (declared) return { name, line: it.n, slug: declared.slug };
  const slugs = new Set(ctx.options.columns.map((c) => c.slug));
  return { name, line: it.n, suggestedSlug: uniqueSlug(pinyinSlug(name), slugs, "column") };
}

/** The story under one headline, or null (the lines reported) when it has no text. */
function readFrameStory(ctx: Ctx, items: Item[], role: Map<number, HeadingRole>, frames: Frame[], k: number) {
  const frame = frames[k]!;
  const head = items[frame.h]!;
  const segment = items.slice(frame.h + 1, frames[k + 1]?.start ?? items.length);
  const top = readHead(segment);
  const body = readBody(segment, top.next);
  for (let i = body.stop; i < segment.length; i++)
    place(ctx, segment[i]!.n, segment[i]!.n, headingWhy(segment[i]!, role.get(frame.h + 1 + i)));
  let subtitle = top.subtitle;
  // A headline whose only line was taken for a subtitle: it was text after all.
  if (!body.blocks.some((b) => b.kind === "paragraph") && subtitle) {
    body.blocks.unshift({ kind: "paragraph", text: subtitle.value, from: subtitle.line, to: subtitle.line });
    subtitle = undefined;
  }
  const continued = takeContinuation(body.blocks);
  const closing = closeStory(body.blocks);
  if (body.blocks.length === 0 && closing.displaced.length === 0 && continued.length === 0) {
    place(ctx, items[frame.start]!.n, items[frame.h + body.stop]!.n, "标题下面没有正文，无法成稿");
    return null;
  }
  const dateline = takeDateline(body.blocks);
  const kickerItem = frame.kicker === undefined ? undefined : items[frame.kicker]!;
  const kicker: Found | undefined = kickerItem && {
    value: itemText(kickerItem),
    how: `标题前一行（第 ${kickerItem.n} 行）的短句，没有句末标点`,
    line: kickerItem.n,
  };
  const level = head.kind === "heading" ? head.level : 1;
  const story: RawStory = {
    title: { value: itemText(head), how: `第 ${head.n} 行的 ${"#".repeat(level)} 标题，后面跟着正文`, line: head.n },
    headingLevel: level,
    kicker,
    subtitle,
    dateline: dateline.dateline,
    source: top.source ?? closing.source ?? dateline.agency,
    bylineSources: [...top.credits, ...(dateline.credits ? [dateline.credits] : []), ...closing.credits],
    column: frame.column === undefined ? undefined : columnHead(ctx, items[frame.column]!),
    joins: body.joins,
    captions: [...top.captions, ...body.captions],
    jumps: [],
    warnings: [],
    rawBlocks: body.blocks,
    displaced: closing.displaced,
    continued,
  };
  return story;
}

/** The story still waiting for the rest of its text from another page ("下转第2版" without its "上接"). */
function openJump(story: RawStory): boolean {
  const jumps = story.rawBlocks.filter((b) => b.kind === "jump").map((b) => b.jump!.direction);
  return jumps.lastIndexOf("to") > jumps.lastIndexOf("from");
}

/** Appends a continuation ("上接第1版" and what follows) to the story it continues. */
function continueStory(target: RawStory, blocks: RawBlock[]): void {
  const [marker, ...rest] = blocks;
  target.rawBlocks.push(marker!);
  for (const b of rest) {
    if (b.kind === "paragraph") addParagraph(target.rawBlocks, target.joins, b.text, b.from);
    else target.rawBlocks.push(b);
    const last = target.rawBlocks.at(-1)!;
    last.to = Math.max(last.to, b.to);
  }
}

/** Text after a story's closing credits that opens with "上接第N版": the rest of a story that jumped. */
function placeContinuation(ctx: Ctx, stories: RawStory[], k: number, d: RawBlock[]): boolean {
  if (d[0]?.kind !== "jump" || d[0].jump!.direction !== "from") return false;
  const target = stories.slice(0, k + 1).findLast(openJump);
  const from = d[0].from;
  const to = d.at(-1)!.to;
  if (!target) {
    place(ctx, from, to, `以「${d[0].text}」开头的续文，本文件中没有“下转”到这里的稿件`);
    return true;
  }
  const closing = closeStory(d);
  continueStory(target, d);
  target.bylineSources.push(...closing.credits);
  target.source ??= closing.source;
  if (closing.displaced.length) placeDisplacedRun(ctx, stories, stories.indexOf(target), closing.displaced);
  return true;
}

/** Why displaced text cannot go anywhere, or null when it was attached to the next story. */
function attachDisplaced(story: RawStory, next: RawStory | undefined, d: RawBlock[]): string | null {
  const from = d[0]!.from;
  const to = d.at(-1)!.to;
  const last = d.at(-1)!;
  const tb = last.kind === "paragraph" ? trailingByline(last.text) : null;
  const moreBylines = d.slice(0, -1).some((b) => b.kind === "paragraph" && trailingByline(b.text) !== null);
  if (tb && !moreBylines && next && next.bylineSources.length === 0) {
    last.text = tb.rest;
    next.rawBlocks.push(...(last.text ? d : d.slice(0, -1)));
    next.bylineSources.push(
      creditSource(tb, tb.raw, last.to, `错位段落（第 ${from}–${to} 行）末尾的括号署名「${tb.raw}」`),
    );
    next.attached = {
      from,
      to,
      opening: clip(d[0]!.text, 20),
      reason:
        `第 ${from}–${to} 行在「${story.title.value}」的署名之后、「${next.title.value}」之前，不可能属于前一篇；` +
        `它以署名「${tb.raw}」结尾，而「${next.title.value}」没有署名，所以接在其末尾。低置信度：请核对版面。`,
    };
    return null;
  }
  if (!next) return "位于最后一篇稿件的署名之后，没有可归属的稿件";
  if (!tb)
    return `位于「${story.title.value}」的署名之后、「${next.title.value}」之前，自身没有署名，无法判断属于哪一篇`;
  if (moreBylines) return `位于「${story.title.value}」的署名之后，其中含有多个署名，无法判断归属`;
  return `以署名「${tb.raw}」结尾，但下一篇「${next.title.value}」已有署名，不能再接到它后面`;
}

function placeDisplacedRun(ctx: Ctx, stories: RawStory[], k: number, d: RawBlock[]): void {
  if (d.length === 0 || placeContinuation(ctx, stories, k, d)) return;
  const why = attachDisplaced(stories[k]!, stories[k + 1], d);
  if (why) place(ctx, d[0]!.from, d.at(-1)!.to, why);
}

/**
 * A headline whose text opens with "上接第N版" continues an earlier story that
 * jumped ("下转"): the same headline if one matches, else the only one waiting.
 */
function mergeContinuations(ctx: Ctx, stories: RawStory[]): RawStory[] {
  const kept: RawStory[] = [];
  for (const s of stories) {
    const first = s.rawBlocks[0];
    if (first?.kind !== "jump" || first.jump!.direction !== "from") {
      kept.push(s);
      continue;
    }
    const open = kept.filter(openJump);
    const same = (t: RawStory) =>
      norm(t.title.value).includes(norm(s.title.value)) || norm(s.title.value).includes(norm(t.title.value));
    const target = open.find(same) ?? (open.length === 1 ? open[0] : undefined);
    if (!target) {
      s.warnings.push(`正文以「${first.text}」开头：这是从别的版转来的续文，本文件中没有找到它的开头。`);
      kept.push(s);
      continue;
    }
    continueStory(target, s.rawBlocks);
    target.bylineSources.push(...s.bylineSources);
    target.captions.push(...s.captions);
    target.source ??= s.source;
    ctx.dropped.push({
      line: s.title.line,
      text: s.title.value,
      kind: "continued-headline",
      reason: `续文的标题，重复「${target.title.value}」（第 ${target.title.line} 行）；续文接到该稿末尾`,
    });
  }
  return kept;
}

export function parsePrintIssue(source: string, options: ImportOptions): PrintIssueImport {
  const ctx: Ctx = { options, lines: sourceLines(source), unplaced: [], dropped: [], notes: [] };
  const { items, banner, facts } = prepare(ctx, source);
  const role = headingRoles(items);
  const frames = findFrames(items, role, banner.end);
  placeOutsideStories(ctx, items, role, frames, banner.end);
  const read = frames.flatMap((_, k) => readFrameStory(ctx, items, role, frames, k) ?? []);
  read.forEach((story, k) => {
    placeDisplacedRun(ctx, read, k, story.displaced);
    placeDisplacedRun(ctx, read, k, story.continued);
  });
  const stories = mergeContinuations(ctx, read);
  const taken = new Set(options.existingSlugs ?? []);
  const result = stories.map((s) => finishStory(s, options, taken, ctx.dropped));
  ctx.unplaced.sort((a, b) => a.from - b.from);
  ctx.dropped.sort((a, b) => a.line - b.line);
  return {
    banner: banner.parts.length ? banner.parts.join(" ") : undefined,
    bannerLines: banner.lines,
    stories: result,
    unplaced: ctx.unplaced,
    dropped: ctx.dropped,
    facts: factsWithPages(facts),
    notes: ctx.notes,
  };
}

/** Pages that say nothing (a date line alone) are left out. */
function factsWithPages(facts: IssueFacts): IssueFacts {
  return { ...facts, pages: facts.pages.filter((p) => p.page !== undefined || p.name || p.staff.length) };
}
