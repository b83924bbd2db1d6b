// The editor's report of an import: for each story, each field and the line it
// came from; every line left out of the stories and why; the text not placed, verbatim.

import { stringify } from "yaml";
import type { Credit } from "../schemas";
import { REPORT_FILE } from "./render";
import type { Found, ImportedStory, PrintIssueImport } from "./types";

export interface ReportContext {
  date: string;
  /** The input file's name, for the report's heading. */
  source?: string;
}

/** Below this best score a section guess has next to no evidence, and the report says so. */
const WEAK_SECTION_SCORE = 3;

/** The heading of the report's verbatim section; tests read the fenced blocks under it. */
export const UNPLACED_HEADING = "## 未能归入任何稿件的段落（原文照录）Unplaced text, verbatim";

const lineRange = (from: number, to: number) => (from === to ? `第 ${from} 行` : `第 ${from}–${to} 行`);
const creditText = (c: Credit) => (c.role ? `${c.role} ${c.name}` : c.name);
const foundText = (f: Found | undefined) => (f ? `「${f.value}」——${f.how}` : "无");

function roleText(story: ImportedStory): string {
  const roles = [
    ...new Set(story.bylineSources.flatMap((s) => s.roles.map((r) => `${r.role}：${r.names.join("、")}`))),
  ];
  return roles.length ? `（身份：${roles.join("；")}）` : "";
}

function summary(result: PrintIssueImport): string[] {
  const flagged = result.stories.filter((s) => s.attached).length;
  const undeclared = result.stories.filter((s) => s.column && !s.column.slug).length;
  const banner = result.banner
    ? `「${result.banner}」（第 ${result.bannerLines.join("、")} 行，第一个标题之前的短行）`
    : "未识别到（第一个标题之前没有短行）";
  return [
    "## 概要 Summary",
    "",
    `- 稿件 ${result.stories.length} 篇，全部写成草稿（\`draft: true\`）。编辑审核后删掉 \`draft\` 一行即可发布。`,
    `- 版头 banner：${banner}`,
    `- 版块 section：每篇都是**猜的**（按关键词得分），请逐篇确认。`,
    `- 低置信度的安排：${flagged} 处${flagged ? "（见下文标 ⚠ 的稿件）" : ""}`,
    `- 未能归入任何稿件的段落：${result.unplaced.length} 处${result.unplaced.length ? "（原文照录在文末）" : ""}`,
    `- 删去的版面元素（报名、版头、页码、转版标记等）：${result.dropped.length} 行${result.dropped.length ? "（逐行列在文末）" : ""}`,
    `- 未在 columns.yaml 声明的栏目：${undeclared} 个`,
    "",
  ];
}

/** What the page headers said: date, number, pages and who made them. */
function issueFacts(result: PrintIssueImport, context: ReportContext): string[] {
  const { date, number, pages } = result.facts;
  if (!date && !number && pages.length === 0) return [];
  const out = ["## 本期信息 Issue (from the page headers)", ""];
  if (date) {
    const agrees = date.value === context.date ? "与 --date 一致" : `**与 --date ${context.date} 不一致，请核对**`;
    out.push(`- 出版日期：${date.value}（第 ${date.line} 行，${agrees}）`);
  }
  if (number) out.push(`- 期号 number：${number.value}（第 ${number.line} 行），已写入 issue.yaml`);
  for (const p of pages) {
    const staff = p.staff.map((s) => `${s.role} ${s.name}`).join("、");
    out.push(`- 第 ${p.page ?? "?"} 版${p.name ? ` ${p.name}` : ""}（第 ${p.line} 行起）${staff ? `：${staff}` : ""}`);
  }
  return [...out, ""];
}

function creditLines(s: ImportedStory): string[] {
  const out: string[] = [];
  if (s.bylines.length) {
    out.push(`- 署名 bylines：${s.bylines.map((b) => b.name).join("、")}${roleText(s)}`);
    for (const b of s.bylineSources) out.push(`  - ${b.how}`);
  } else out.push("- 署名 bylines：**未找到**");
  if (s.photoCredits.length) out.push(`- 摄影 photoCredits：${s.photoCredits.map(creditText).join("、")}`);
  out.push(`- 来源 source：${foundText(s.source)}`);
  for (const c of s.captions) {
    const by = c.credits.length ? `（${c.credits.map(creditText).join("、")} 摄）` : "";
    out.push(`- 图片说明 caption（第 ${c.line} 行，不进正文，配图时写进 image.caption）：「${c.text}」${by}`);
  }
  return out;
}

function columnLine(s: ImportedStory): string {
  if (s.column?.slug)
    return `- 栏目 column：「${s.column.name}」→ \`${s.column.slug}\`（第 ${s.column.line} 行，标题行紧接另一标题行；与 columns.yaml 中的栏目同名）`;
  if (s.column)
    return `- 栏目 column：「${s.column.name}」（第 ${s.column.line} 行）**未在 columns.yaml 中声明**，草稿里没有写 column；如需使用，请在 content/columns.yaml 中添加后再写上 \`column: ${s.column.suggestedSlug}\`（见文末建议）。`;
  return "- 栏目 column：无";
}

function sectionLine(s: ImportedStory): string {
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
  return `- 版块 section：\`${s.section.slug}\`——**猜测**${evidence}。关键词得分：${scores}`;
}

/** The source lines the text came from, as ranges. */
function textLines(s: ImportedStory): string {
  const ranges: [number, number][] = [];
  for (const b of s.blocks) {
    const last = ranges.at(-1);
    if (last && b.from <= last[1] + 2 && b.from >= last[0]) last[1] = Math.max(last[1], b.to);
    else ranges.push([b.from, b.to]);
  }
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join("、");
}

function storySection(s: ImportedStory, i: number): string[] {
  const out = [`### ${i + 1}. ${s.title.value}${s.attached ? " ⚠" : ""}`, ""];
  out.push(`- 文件 file：\`${s.slug}.md\``, `- 标题 title：${s.title.how}`);
  out.push(`- 引题 kicker：${foundText(s.kicker)}`, `- 副题 subtitle：${foundText(s.subtitle)}`);
  out.push(`- 电头 dateline：${foundText(s.dateline)}`, ...creditLines(s), columnLine(s), sectionLine(s));
  out.push(`- 正文 text：第 ${textLines(s) || "—"} 行`);
  for (const j of s.jumps) out.push(`- 转版 jump：第 ${j.line} 行「${j.raw}」（已从正文删去）`);
  if (s.joins.length) {
    out.push(`- 分页断行拼接 ${s.joins.length} 处（上一行没有句末标点，与下一段直接相连）：`);
    for (const j of s.joins) out.push(`  - 第 ${j.line} 行 + 第 ${j.nextLine} 行：「${j.before}」+「${j.after}」`);
  }
  if (s.attached) out.push(`- ⚠ **低置信度**：${s.attached.reason}（这段以「${s.attached.opening}」开头）`);
  for (const w of s.warnings) out.push(`- ⚠ ${w}`);
  return [...out, ""];
}

function undecided(result: PrintIssueImport): string[] {
  const items: string[] = [];
  for (const s of result.stories)
    if (s.attached)
      items.push(`「${s.title.value}」末尾接入的 ${lineRange(s.attached.from, s.attached.to)} 是否属于该稿。`);
  for (const s of result.stories)
    if (s.column && !s.column.slug) items.push(`栏目「${s.column.name}」未声明，「${s.title.value}」暂不归栏目。`);
  for (const s of result.stories) for (const w of s.warnings) items.push(`「${s.title.value}」：${w}`);
  for (const s of result.stories) items.push(`「${s.title.value}」的版块（猜为 \`${s.section.slug}\`）与标签（空）。`);
  items.push(...result.notes);
  return ["## 未能确定的事项 Undecided", "", ...items.map((u) => `- ${u}`), ""];
}

function columnsToDeclare(result: PrintIssueImport): string[] {
  const undeclared = result.stories.filter((s) => s.column && !s.column.slug);
  if (undeclared.length === 0) return [];
  const out = [
    "## 建议添加的栏目 Columns to declare",
    "",
    "如确认是栏目，请把下面的内容加到 `content/columns.yaml`，再在相应草稿里写上 `column`：",
    "",
    "```yaml",
  ];
  const seen = new Set<string>();
  for (const s of undeclared) {
    if (seen.has(s.column!.name)) continue;
    seen.add(s.column!.name);
    const entry = [{ slug: s.column!.suggestedSlug, name: s.column!.name, description: "（请填写栏目简介）" }];
    out.push(stringify(entry, { lineWidth: 0 }).trimEnd());
  }
  return [...out, "```", ""];
}

const RULES = [
  "## 识别规则 How it decided",
  "",
  "- 标题：以 #、##、### 开头、后面跟着正文的行；两个标题行紧挨着时，前一个是栏目名（栏目名与 columns.yaml 的 name 相同才写进 column）。#### 是小标题。",
  "- 版头：第一个标题之前的短行（不超过 30 字、没有句末标点）。引题：紧挨标题之前的这种短行。副题：紧挨标题之后的短行（不超过 40 字）。",
  "- 版面元素：报名、日期与星期、版次与版名、期号、责任编辑/版式/校对、页码、在分页处重复的版头或栏头，整行删去，不进任何稿件，也不参与分页拼接；其中的日期、期号、版次和编辑写进本期信息。",
  "- 署名：标题下只含署名的行（陈晓文、全媒体记者 张三 报道、文/图 李四）；首段电头括号里的人名（本报讯（记者 王五 通讯员 赵六））；段末或文末的括号署名、署名行。身份（本报记者、记者、全媒体记者、融媒体记者、见习记者、特约记者、通讯员、实习生等）随人名写进 bylines。没有身份词时，至少一个名字要以常见姓氏开头，以免把“(含线上)”这类括注当成署名。",
  "- 摄影：“记者 张三 摄”“文/图”里的图写进 photoCredits，不算文字作者；以 ▲、图为 开头或以“摄”结尾的图片说明不进正文，列在各稿之下。",
  "- 来源：“来源：新华社”“（据新华社）”等写进 source；新华社等的电头也记其发稿单位。",
  "- 电头：正文第一段（小标题之后也算）开头的“本报讯”“本报12月18日讯”“新华社北京12月20日电”等。",
  "- 分页断行：一段不以句末标点（。！？…；：或右引号、右括号）结尾，且下一行像是它的下文（不是电头、署名、编号条目），才直接相连，不加空格。",
  "- 转版：“（下转第2版）”“（上接第1版）”从正文删去；续文接回原稿末尾（标题相同，或只有一篇稿件在等续文）。",
  "- 错位段落：一篇已经以括号署名结束，下一个标题之前还有文字，就不属于这一篇。若它以署名结尾、而下一篇没有任何署名，接到下一篇末尾并标为低置信度；否则原文照录在下面。",
  "- 标点：紧挨汉字的半角 , ; : ! ? ( ) 改为全角；两边都是英文字母或数字时不改（98.04%、12:30、“1+N”、30万吨/年照旧）。",
  `- 版块：sections.yaml 中每个版块的名称与简介切成两字词，数它们在稿中（标题算三次）出现的次数，多个版块共有的词按版块数摊薄，取最高分；低于 ${WEAK_SECTION_SCORE} 分视为依据不足。`,
  "",
];

/** Every line left out of the stories on purpose, with why. */
function droppedLines(result: PrintIssueImport): string[] {
  if (result.dropped.length === 0) return [];
  const out = ["## 删去的行 Lines left out of the stories", ""];
  for (const d of result.dropped) out.push(`- 第 ${d.line} 行「${d.text}」：${d.reason}`);
  return [...out, ""];
}

function unplacedText(result: PrintIssueImport): string[] {
  const out = [UNPLACED_HEADING, ""];
  if (result.unplaced.length === 0) out.push("没有。每一段都归入了某篇稿件。", "");
  for (const u of result.unplaced)
    out.push(`### ${lineRange(u.from, u.to)}`, "", `原因：${u.reason}`, "", "```text", u.text, "```", "");
  return out;
}

/** The editor's report: what was decided and from which line, what was left out and why, what was not placed. */
export function renderReport(result: PrintIssueImport, context: ReportContext): string {
  return [
    `# 导入报告 Import report：${context.date}`,
    "",
    ...(context.source ? [`来源文件 Source：\`${context.source}\``, ""] : []),
    ...summary(result),
    ...issueFacts(result, context),
    "## 逐篇说明 Stories (print order)",
    "",
    ...result.stories.flatMap(storySection),
    ...undecided(result),
    ...columnsToDeclare(result),
    ...RULES,
    ...droppedLines(result),
    ...unplacedText(result),
  ].join("\n");
}

/** A few lines for the terminal. */
export function renderSummary(result: PrintIssueImport, folder: string): string {
  const lines = [`导入 ${result.stories.length} 篇草稿 → ${folder}/`];
  if (result.banner) lines.push(`  版头：${result.banner}`);
  result.stories.forEach((s, i) => {
    const by = s.bylines.length ? s.bylines.map(creditText).join("、") : "无署名";
    const col = s.column ? `，栏目 ${s.column.slug ?? `「${s.column.name}」(未声明)`}` : "";
    lines.push(
      `  ${i + 1}. ${s.slug}.md 「${s.title.value}」 ${by}，版块 ${s.section.slug}(猜)${col}${s.attached ? " ⚠ 低置信度" : ""}`,
    );
  });
  const flagged = result.stories.filter((s) => s.attached).length;
  lines.push(
    `  低置信度 ${flagged} 处，未归入稿件 ${result.unplaced.length} 处，删去版面元素 ${result.dropped.length} 行；详见 ${folder}/${REPORT_FILE}`,
  );
  return lines.join("\n");
}
