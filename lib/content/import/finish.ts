// A story's last step: credits gathered, punctuation restored, section and slug
// guessed, and the warnings an editor needs.

import type { Credit } from "../schemas";
import { endsParagraph, restorePunctuation } from "./punctuation";
import { guessSection } from "./section";
import { pinyinSlug, uniqueSlug } from "./slug";
import { clip, type RawStory } from "./story";
import type { Block, DroppedLine, Found, ImportOptions, ImportedStory, Jump } from "./types";

/** Each person once, in print order; a role printed anywhere is kept. */
function mergeCredits(lists: Credit[][]): Credit[] {
  const out: Credit[] = [];
  for (const c of lists.flat()) {
    const seen = out.find((x) => x.name === c.name);
    if (!seen) out.push({ ...c });
    else seen.role ??= c.role;
  }
  return out;
}

/** Words that mark a credit; a line holding one near a story's ends may be a credit the importer could not read. */
const CREDIT_WORD = /记者|通讯员|实习生|报道|摄影|[(（]文|图\/|文\//u;

/** Where to look when no byline was found: lines at the story's ends that mention a reporter. */
function creditHints(blocks: Block[]): string {
  const paragraphs = blocks.filter((b) => b.kind === "paragraph");
  const ends = [...paragraphs.slice(0, 2), ...paragraphs.slice(-2)];
  const hits = [...new Set(ends)].filter((b) => CREDIT_WORD.test(b.text));
  if (hits.length === 0) return "标题下、首段电头、末段括号里都没有";
  return `第 ${hits.map((b) => b.from).join("、")} 行提到“记者”等字样，但读不出署名，请核对`;
}

function storyWarnings(blocks: Block[], bylines: Credit[], story: RawStory): string[] {
  const warnings = [...story.warnings];
  if (bylines.length === 0) warnings.push(`没有找到署名（${creditHints(blocks)}）；请补上或确认本稿不署名。`);
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
  const open =
    story.jumps.filter((j) => j.direction === "to").length - story.jumps.filter((j) => j.direction === "from").length;
  if (open > 0)
    warnings.push(`稿件「下转」别的版，续文不在本文件中：正文到第 ${lastParagraph?.to ?? story.title.line} 行为止。`);
  return warnings;
}

/** Jump markers leave the text; each is recorded on the story and in the dropped lines. */
function takeJumps(story: RawStory, dropped: DroppedLine[]): Jump[] {
  return story.rawBlocks.flatMap((b) => {
    if (b.kind !== "jump") return [];
    const jump = b.jump!;
    const where = jump.direction === "to" ? `转到第 ${jump.page} 版` : `接自第 ${jump.page} 版`;
    dropped.push({ line: b.from, text: jump.raw, kind: "jump", reason: `转版标记：「${story.title.value}」${where}` });
    return [{ direction: jump.direction, page: jump.page, raw: jump.raw, line: b.from }];
  });
}

export function finishStory(
  story: RawStory,
  options: ImportOptions,
  taken: Set<string>,
  dropped: DroppedLine[],
): ImportedStory {
  const { displaced: _displaced, continued: _continued, rawBlocks, ...rest } = story;
  const jumps = takeJumps(story, dropped);
  const blocks: Block[] = rawBlocks.flatMap((b) =>
    b.kind === "jump" ? [] : [{ kind: b.kind, text: restorePunctuation(b.text), from: b.from, to: b.to }],
  );
  const fix = (f?: Found) => (f ? { ...f, value: restorePunctuation(f.value) } : undefined);
  const bylines = mergeCredits(story.bylineSources.map((s) => s.bylines));
  const photoCredits = mergeCredits([
    ...story.bylineSources.map((s) => s.photoCredits),
    ...story.captions.map((c) => c.credits),
  ]);
  const title = fix(story.title)!;
  const body = blocks.map((b) => b.text).join("\n");
  return {
    ...rest,
    jumps,
    title,
    kicker: fix(story.kicker),
    subtitle: fix(story.subtitle),
    bylines,
    photoCredits,
    blocks,
    warnings: storyWarnings(blocks, bylines, { ...story, jumps }),
    section: guessSection(options.sections, title.value, body),
    slug: uniqueSlug(pinyinSlug(title.value), taken),
  };
}
