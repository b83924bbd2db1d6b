// Files from an import: one draft per story, issue.yaml, and the editor's report.

import { Document, isSeq, stringify } from "yaml";
import type { ImportedStory, PrintIssueImport } from "./parse";

/**
 * The report's file name, in the issue folder. Not "import-report.md": the
 * content loader reads every .md under content/issues/<date>/ as an article, so a
 * report named .md would make the whole tree fail validation. ".markdown" is
 * still Markdown to editors and Git hosts, and the loader skips it.
 */
export const REPORT_FILE = "import-report.markdown";

export interface RenderedFile {
  /** Relative to the content root, e.g. issues/2023-01-03/foo.md */
  path: string;
  text: string;
}

/** A paragraph that Markdown would read as a heading, list item or quote gets a backslash. */
function markdownSafe(paragraph: string): string {
  return /^(#{1,6}\s|[-+*]\s|>|\d{1,9}[.)]\s|={3,}\s*$|-{3,}\s*$)/u.test(paragraph) ? `\\${paragraph}` : paragraph;
}

export function storyBody(story: ImportedStory): string {
  return story.blocks.map((b) => (b.kind === "subhead" ? `#### ${b.text}` : markdownSafe(b.text))).join("\n\n");
}

function frontmatter(story: ImportedStory): string {
  const data: Record<string, unknown> = { title: story.title.value };
  if (story.kicker) data.kicker = story.kicker.value;
  if (story.subtitle) data.subtitle = story.subtitle.value;
  if (story.dateline) data.dateline = story.dateline.value;
  data.section = story.section.slug;
  if (story.column?.slug) data.column = story.column.slug;
  data.bylines = story.bylines;
  data.tags = [];
  data.draft = true;
  const doc = new Document(data);
  for (const key of ["bylines", "tags"]) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  doc.commentBefore =
    " 草稿：由 npm run import:issue 从版面稿导入。section 是猜的，tags 待补；审核后删掉 draft 一行即可发布。";
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function renderDraft(story: ImportedStory): string {
  return `---\n${frontmatter(story)}---\n\n${storyBody(story)}\n`;
}

export function renderIssueYaml(result: PrintIssueImport, date: string): string {
  const data: Record<string, unknown> = { date };
  if (result.banner) data.banner = result.banner;
  data.articles = result.stories.map((s) => s.slug);
  const doc = new Document(data);
  doc.commentBefore =
    " 由 npm run import:issue 从版面稿导入；articles 为印刷顺序，第一篇是头条。\n 导入说明见同一目录下的 " +
    REPORT_FILE;
  return doc.toString({ lineWidth: 0 });
}

/** The drafts and issue.yaml of a new issue folder, paths relative to the content root. */
export function renderDrafts(result: PrintIssueImport, date: string): RenderedFile[] {
  const dir = `issues/${date}`;
  return [
    ...result.stories.map((s) => ({ path: `${dir}/${s.slug}.md`, text: renderDraft(s) })),
    { path: `${dir}/issue.yaml`, text: renderIssueYaml(result, date) },
  ];
}

export interface ReportContext {
  date: string;
  /** The input file's name, for the report's heading. */
  source?: string;
}

/** Below this best score a section guess has next to no evidence, and the report says so. */
const WEAK_SECTION_SCORE = 3;

const lineRange = (from: number, to: number) => (from === to ? `第 ${from} 行` : `第 ${from}–${to} 行`);

function roleText(story: ImportedStory): string {
  const roles = story.bylineSources.flatMap((s) => s.roles.map((r) => `${r.role}：${r.names.join("、")}`));
  return roles.length ? `（身份：${roles.join("；")}）` : "";
}

/** The editor's report: what was decided and how, what was not, and every paragraph not placed, verbatim. */
export function renderReport(result: PrintIssueImport, context: ReportContext): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  const flagged = result.stories.filter((s) => s.attached);
  const undeclared = result.stories.filter((s) => s.column && !s.column.slug);
  const warned = result.stories.filter((s) => s.warnings.length);

  push(`# 导入报告 Import report：${context.date}`, "");
  if (context.source) push(`来源文件 Source：\`${context.source}\``, "");
  push(
    "## 概要 Summary",
    "",
    `- 稿件 ${result.stories.length} 篇，全部写成草稿（\`draft: true\`）。编辑审核后删掉 \`draft\` 一行即可发布。`,
    `- 版头 banner：${result.banner ? `「${result.banner}」（第 ${result.bannerLines.join("、")} 行，第一个标题之前的短行）` : "未识别到（第一个标题之前没有短行）"}`,
    `- 版块 section：每篇都是**猜的**（按关键词得分），请逐篇确认。`,
    `- 低置信度的安排：${flagged.length} 处${flagged.length ? "（见下文标 ⚠ 的稿件）" : ""}`,
    `- 未能归入任何稿件的段落：${result.unplaced.length} 处${result.unplaced.length ? "（原文照录在文末）" : ""}`,
    `- 未在 columns.yaml 声明的栏目：${undeclared.length} 个`,
    "",
  );

  push("## 逐篇说明 Stories (print order)", "");
  result.stories.forEach((s, i) => {
    push(`### ${i + 1}. ${s.title.value}${s.attached ? " ⚠" : ""}`, "");
    push(`- 文件 file：\`${s.slug}.md\``);
    push(`- 标题 title：${s.title.how}`);
    push(`- 引题 kicker：${s.kicker ? `「${s.kicker.value}」——${s.kicker.how}` : "无"}`);
    push(`- 副题 subtitle：${s.subtitle ? `「${s.subtitle.value}」——${s.subtitle.how}` : "无"}`);
    push(`- 电头 dateline：${s.dateline ? `「${s.dateline.value}」——${s.dateline.how}` : "无"}`);
    if (s.bylines.length) {
      push(`- 署名 bylines：${s.bylines.join("、")}${roleText(s)}`);
      for (const b of s.bylineSources) push(`  - ${b.how}`);
    } else push("- 署名 bylines：**未找到**");
    if (s.column?.slug)
      push(
        `- 栏目 column：「${s.column.name}」→ \`${s.column.slug}\`（第 ${s.column.line} 行，标题行紧接另一标题行；与 columns.yaml 中的栏目同名）`,
      );
    else if (s.column)
      push(
        `- 栏目 column：「${s.column.name}」（第 ${s.column.line} 行）**未在 columns.yaml 中声明**，草稿里没有写 column；如需使用，请在 content/columns.yaml 中添加后再写上 \`column: ${s.column.suggestedSlug}\`（见文末建议）。`,
      );
    else push("- 栏目 column：无");
    const scores = s.section.scores
      .map(
        (x) =>
          `${x.slug} ${x.score}${x.top.length ? `（${x.top.map((t) => `${t.keyword}×${t.count}`).join("、")}）` : ""}`,
      )
      .join("；");
    const evidence = s.section.noEvidence
      ? "：没有任何版块的关键词出现在稿中，取了 sections.yaml 的第一个"
      : s.section.scores[0]!.score < WEAK_SECTION_SCORE
        ? "：得分很低，几乎没有依据，请务必人工确认"
        : "";
    push(`- 版块 section：\`${s.section.slug}\`——**猜测**${evidence}。关键词得分：${scores}`);
    if (s.joins.length) {
      push(`- 分页断行拼接 ${s.joins.length} 处（上一行没有句末标点，与下一段直接相连）：`);
      for (const j of s.joins) push(`  - 第 ${j.line} 行 + 第 ${j.nextLine} 行：「${j.before}」+「${j.after}」`);
    }
    if (s.attached) push(`- ⚠ **低置信度**：${s.attached.reason}（这段以「${s.attached.opening}」开头）`);
    for (const w of s.warnings) push(`- ⚠ ${w}`);
    push("");
  });

  push("## 未能确定的事项 Undecided", "");
  const undecided: string[] = [];
  for (const s of result.stories)
    if (s.attached)
      undecided.push(`「${s.title.value}」末尾接入的 ${lineRange(s.attached.from, s.attached.to)} 是否属于该稿。`);
  for (const s of undeclared) undecided.push(`栏目「${s.column!.name}」未声明，「${s.title.value}」暂不归栏目。`);
  for (const s of warned) for (const w of s.warnings) undecided.push(`「${s.title.value}」：${w}`);
  for (const s of result.stories)
    undecided.push(`「${s.title.value}」的版块（猜为 \`${s.section.slug}\`）与标签（空）。`);
  for (const n of result.notes) undecided.push(n);
  push(...undecided.map((u) => `- ${u}`), "");

  if (undeclared.length) {
    push(
      "## 建议添加的栏目 Columns to declare",
      "",
      "如确认是栏目，请把下面的内容加到 `content/columns.yaml`，再在相应草稿里写上 `column`：",
      "",
      "```yaml",
    );
    const seen = new Set<string>();
    for (const s of undeclared) {
      if (seen.has(s.column!.name)) continue;
      seen.add(s.column!.name);
      push(
        stringify([{ slug: s.column!.suggestedSlug, name: s.column!.name, description: "（请填写栏目简介）" }], {
          lineWidth: 0,
        }).trimEnd(),
      );
    }
    push("```", "");
  }

  push(
    "## 识别规则 How it decided",
    "",
    "- 标题：以 #、##、### 开头、后面跟着正文的行；两个标题行紧挨着时，前一个是栏目名（栏目名与 columns.yaml 的 name 相同才写进 column）。#### 是小标题。",
    "- 版头：第一个标题之前的短行（不超过 30 字、没有句末标点）。引题：紧挨标题之前的这种短行。副题：紧挨标题之后的短行（不超过 40 字）。",
    "- 署名：标题下只有人名的一行；首段电头括号里的人名（本报讯(记者 王五)）；段末括号里的人名（(军星 李斌) 是两个人）。“记者”“通讯员”等身份词不进 bylines，写在上面的“身份”里。没有身份词时，至少一个名字要以常见姓氏开头，以免把“(含线上)”这类括注当成署名。",
    "- 电头：首段开头的“本报讯”“本报12月18日讯”“新华社北京12月20日电”等。",
    "- 分页断行：一段不以句末标点（。！？…；：或右引号、右括号）结尾，就与下一段直接相连，不加空格。",
    "- 错位段落：一篇已经以括号署名结束，下一个标题之前还有文字，就不属于这一篇。若它以署名结尾、而下一篇没有任何署名，接到下一篇末尾并标为低置信度；否则原文照录在下面。",
    "- 标点：紧挨汉字的半角 , ; : ! ? ( ) 改为全角；两边都是英文字母或数字时不改（98.04%、12:30、“1+N”、30万吨/年照旧）。",
    `- 版块：sections.yaml 中每个版块的名称与简介切成两字词，数它们在稿中（标题算三次）出现的次数，多个版块共有的词按版块数摊薄，取最高分；低于 ${WEAK_SECTION_SCORE} 分视为依据不足。`,
    "",
  );
  push(UNPLACED_HEADING, "");
  if (result.unplaced.length === 0) push("没有。每一段都归入了某篇稿件。", "");
  for (const u of result.unplaced) {
    push(`### ${lineRange(u.from, u.to)}`, "", `原因：${u.reason}`, "", "```text", u.text, "```", "");
  }
  return out.join("\n");
}

/** The heading of the report's verbatim section; tests read the fenced blocks under it. */
export const UNPLACED_HEADING = "## 未能归入任何稿件的段落（原文照录）Unplaced text, verbatim";

/** A few lines for the terminal. */
export function renderSummary(result: PrintIssueImport, folder: string): string {
  const lines = [`导入 ${result.stories.length} 篇草稿 → ${folder}/`];
  if (result.banner) lines.push(`  版头：${result.banner}`);
  result.stories.forEach((s, i) => {
    const by = s.bylines.length ? s.bylines.join("、") : "无署名";
    const col = s.column ? `，栏目 ${s.column.slug ?? `「${s.column.name}」(未声明)`}` : "";
    lines.push(
      `  ${i + 1}. ${s.slug}.md 「${s.title.value}」 ${by}，版块 ${s.section.slug}(猜)${col}${s.attached ? " ⚠ 低置信度" : ""}`,
    );
  });
  const flagged = result.stories.filter((s) => s.attached).length;
  lines.push(`  低置信度 ${flagged} 处，未归入稿件 ${result.unplaced.length} 处；详见 ${folder}/${REPORT_FILE}`);
  return lines.join("\n");
}
