// npm run import:issue -- <file> [--date <YYYY-MM-DD>] [--content content] [--force]
//
// Turns one issue's text, as the layout system exports it, into draft articles in
// a new issue folder content/issues/<date>/, with issue.yaml and a report for the
// editor. The work is done by the pure functions of lib/content/import; this file
// only reads and writes files.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ContentError, formatProblem } from "../lib/content/errors";
import { parsePrintIssue, renderDrafts, renderReport, renderSummary, REPORT_FILE } from "../lib/content/import";
import {
  COLUMNS_FILE,
  ISSUE_FILE,
  parseDeclarations,
  readFrontmatterYaml,
  SECTIONS_FILE,
  type ContentFile,
  type Declarations,
} from "../lib/content/parse";
import { loadContent, readContentFiles } from "../lib/content/read";
import { isoDateSchema } from "../lib/content/schemas";

const USAGE =
  "用法 usage: npm run import:issue -- <file> [--date <YYYY-MM-DD>] [--content content] [--force]（版面印有日期时可省略 --date）";

class ImportFailure extends Error {}

/** The sections and columns declared in the content tree, validated as parseContent validates them. */
async function readDeclarations(root: string): Promise<Declarations> {
  const sectionsFile = path.join(root, SECTIONS_FILE);
  if (!existsSync(sectionsFile)) throw new ImportFailure(`${sectionsFile} 不存在 (missing)：导入需要其中声明的版块。`);
  const files: ContentFile[] = [];
  for (const name of [SECTIONS_FILE, COLUMNS_FILE]) {
    const file = path.join(root, name);
    if (existsSync(file)) files.push({ path: `${root}/${name}`, text: await readFile(file, "utf8") });
  }
  const result = parseDeclarations(files, root);
  if (!result.ok)
    throw new ImportFailure(
      `${root} 的版块或栏目无效 (invalid)：\n${result.problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
    );
  return result.value;
}

/** Every slug in use under the content tree, except in `skipFolder`: file names, slug: and oldSlugs:. */
async function existingSlugs(root: string, skipFolder: string): Promise<Set<string>> {
  const slugs = new Set<string>();
  if (!existsSync(path.join(root, "issues"))) return slugs;
  const skip = path.resolve(skipFolder);
  for (const file of await readContentFiles(root)) {
    if (!file.path.endsWith(".md") || path.resolve(path.dirname(file.path)) === skip) continue;
    slugs.add(path.basename(file.path, ".md"));
    // A malformed article is the content check's business; its file name is recorded above.
    const read = readFrontmatterYaml(file);
    if (!read.ok) continue;
    const data = read.yaml.data as { slug?: unknown; oldSlugs?: unknown } | null;
    if (typeof data?.slug === "string") slugs.add(data.slug);
    if (Array.isArray(data?.oldSlugs)) for (const s of data.oldSlugs) if (typeof s === "string") slugs.add(s);
  }
  return slugs;
}

/** Runs the import; returns the process exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof ImportFailure) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

interface Args {
  input: string;
  date?: string;
  root: string;
  force: boolean;
}

/** The command line, checked; null when only help was asked for. */
function readArgs(argv: string[]): Args | null {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: "string" },
        content: { type: "string", default: "content" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new ImportFailure(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) return null;
  if (positionals.length !== 1)
    throw new ImportFailure(`需要且只需要一个输入文件 (exactly one input file)。\n${USAGE}`);
  if (values.date !== undefined) {
    const date = isoDateSchema.safeParse(values.date);
    if (!date.success)
      throw new ImportFailure(`--date ${values.date} 不是有效日期 (${date.error.issues[0]!.message})。`);
  }
  const input = positionals[0]!;
  if (!existsSync(input)) throw new ImportFailure(`找不到输入文件 (no such file)：${input}`);
  return { input, date: values.date, root: values.content, force: values.force };
}

/** --date, or else the date the page headers print; an issue needs one. */
function issueDate(given: string | undefined, printed: string | undefined): string {
  if (given) return given;
  if (printed && isoDateSchema.safeParse(printed).success) {
    console.log(`  未给 --date，采用版面上印的出版日期 ${printed} (the date printed in the page headers)`);
    return printed;
  }
  throw new ImportFailure(`缺少 --date (the issue's date is required; the text prints none)。\n${USAGE}`);
}

/** --force: the folder's articles, issue.yaml and report are replaced; anything else (images) stays. */
async function clearDrafts(folder: string, shown: string) {
  for (const name of await readdir(folder)) {
    if (name.endsWith(".md") || name === ISSUE_FILE || name === REPORT_FILE) {
      await rm(path.join(folder, name));
      console.log(`  删除旧文件 removed ${shown}/${name}`);
    }
  }
}

/** Whether the tree still validates with the drafts in it; says so either way. */
async function validates(root: string): Promise<boolean> {
  try {
    await loadContent(root);
    console.log(`  ${root} 校验通过 (content validates)。`);
    return true;
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(`写入后 ${root} 校验失败 (content does not validate)：\n${e.message}`);
    return false;
  }
}

async function run(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const { input, root } = args;
  const { sections, columns } = await readDeclarations(root);
  const text = await readFile(input, "utf8");
  const date = issueDate(args.date, parsePrintIssue(text, { sections, columns }).facts.date?.value);
  const folder = path.join(root, "issues", date);
  const shown = folder.split(path.sep).join("/");
  const exists = existsSync(folder);
  if (exists && !args.force) {
    throw new ImportFailure(
      `${shown} 已存在 (already exists)：不会覆盖。确认要重新导入并替换其中的稿件，请加 --force (pass --force to replace its drafts).`,
    );
  }
  const result = parsePrintIssue(text, { sections, columns, existingSlugs: await existingSlugs(root, folder) });
  if (result.stories.length === 0)
    throw new ImportFailure(`${input} 中没有找到任何稿件（没有后接正文的 # 标题行），什么也没有写。`);
  if (exists) await clearDrafts(folder, shown);
  await mkdir(folder, { recursive: true });
  for (const file of renderDrafts(result, date)) await writeFile(path.join(root, file.path), file.text);
  await writeFile(path.join(folder, REPORT_FILE), renderReport(result, { date, source: path.basename(input) }));
  console.log(renderSummary(result, shown));
  return (await validates(root)) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
