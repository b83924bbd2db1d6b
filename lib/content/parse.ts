import { createHash } from "node:crypto";
import { ContentError, type ContentProblem } from "./errors";
import { PIPELINE_VERSION } from "./markdown";
import {
  articleFrontmatterSchema,
  columnsFileSchema,
  issueFileSchema,
  sectionsFileSchema,
  type ArticleFrontmatter,
  type ColumnEntry,
  type SectionEntry,
} from "./schemas";
import { parseLocatedYaml, validateYaml, type LocatedYaml } from "./yaml";

/** A file under content/, as text; `path` is relative to the project, e.g. content/sections.yaml. */
export interface ContentFile {
  path: string;
  text: string;
}

export interface IssueSource {
  file: string;
  /** YYYY-MM-DD, the folder's name. */
  slug: string;
  date: string;
  number?: number;
  banner?: string;
  articleSlugs: string[];
  hash: string;
}

export interface ArticleSource {
  file: string;
  slug: string;
  issueSlug: string;
  /** 1-based place in the issue's print order. */
  position: number;
  frontmatter: ArticleFrontmatter;
  /** Markdown body after the frontmatter. */
  body: string;
  /** Changes whenever the file, its place in the issue or the pipeline changes. */
  hash: string;
}

export interface ContentSet {
  sections: SectionEntry[];
  columns: ColumnEntry[];
  issues: IssueSource[];
  articles: ArticleSource[];
}

export const SECTIONS_FILE = "sections.yaml";
export const COLUMNS_FILE = "columns.yaml";
export const ISSUE_FILE = "issue.yaml";

const sha256 = (...parts: (string | number)[]) => createHash("sha256").update(parts.join("\0")).digest("hex");

interface SplitFrontmatter {
  yaml: string;
  body: string;
}

/** Frontmatter is the YAML between a first line "---" and the next line "---". */
function splitFrontmatter(text: string): SplitFrontmatter | null {
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!match || match.index !== 0) return null;
  return { yaml: match[1] ?? "", body: text.slice(match[0].length) };
}

/**
 * Turns the files of a content tree into validated records, or throws a
 * ContentError listing every problem found. Pure: text in, records out.
 */
export function parseContent(files: ContentFile[], root = "content"): ContentSet {
  const problems: ContentProblem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.text]));

  function readYaml<T>(path: string, parse: (y: LocatedYaml) => ReturnType<typeof validateYaml>): T | undefined {
    const text = byPath.get(path);
    if (text === undefined) {
      problems.push({ file: path, message: "file is missing" });
      return undefined;
    }
    const parsed = parseLocatedYaml(text, path);
    if (!parsed.ok) return void problems.push(...parsed.problems);
    const result = parse(parsed.yaml);
    if (!result.ok) return void problems.push(...result.problems);
    return result.value as T;
  }

  const sectionsPath = `${root}/${SECTIONS_FILE}`;
  const columnsPath = `${root}/${COLUMNS_FILE}`;
  const sectionsYaml: { lineOf?: LocatedYaml["lineOf"] } = {};
  const sections =
    readYaml<SectionEntry[]>(
      sectionsPath,
      (y) => ((sectionsYaml.lineOf = y.lineOf), validateYaml(sectionsFileSchema, y, sectionsPath)),
    ) ?? [];
  const columns = byPath.has(columnsPath)
    ? (readYaml<ColumnEntry[]>(columnsPath, (y) => validateYaml(columnsFileSchema, y, columnsPath)) ?? [])
    : [];
  for (const [list, path, what] of [
    [sections, sectionsPath, "section"],
    [columns, columnsPath, "column"],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.slug))
        problems.push({ file: path, field: `[${i}].slug`, message: `declares the ${what} "${entry.slug}" twice` });
      seen.add(entry.slug);
    });
  }
  const sectionSlugs = new Set(sections.map((s) => s.slug));
  const columnSlugs = new Set(columns.map((c) => c.slug));

  const issuePrefix = `${root}/issues/`;
  const folders = new Map<string, ContentFile[]>();
  for (const f of files) {
    if (!f.path.startsWith(issuePrefix)) continue;
    const rest = f.path.slice(issuePrefix.length).split("/");
    if (rest.length !== 2) {
      problems.push({
        file: f.path,
        message: `content files belong directly in an issue folder, ${issuePrefix}<YYYY-MM-DD>/`,
      });
      continue;
    }
    const folder = rest[0]!;
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }

  const issues: IssueSource[] = [];
  const articles: ArticleSource[] = [];
  const articleFileBySlug = new Map<string, string>();

  for (const [folder, folderFiles] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const issuePath = `${issuePrefix}${folder}/${ISSUE_FILE}`;
    let issueLines: LocatedYaml["lineOf"] = () => 1;
    const issue = readYaml<ReturnType<typeof issueFileSchema.parse>>(
      issuePath,
      (y) => ((issueLines = y.lineOf), validateYaml(issueFileSchema, y, issuePath)),
    );
    if (issue && issue.date !== folder) {
      problems.push({
        file: issuePath,
        line: issueLines(["date"]),
        field: "date",
        message: `is ${issue.date} but the issue's folder is named ${folder}; they must agree`,
        hint: `把 date 改成 ${folder}，或把文件夹改名为 ${issue.date}`,
      });
    }
    const order = issue?.articles ?? [];
    const articleFiles = folderFiles.filter((f) => f.path.endsWith(".md"));
    const slugsInFolder = new Set<string>();
    const titlesInFolder = new Map<string, string>();

    for (const file of articleFiles) {
      const split = splitFrontmatter(file.text);
      if (!split) {
        problems.push({
          file: file.path,
          line: 1,
          field: "frontmatter",
          message: 'must start with a line "---", the frontmatter, and a closing "---"',
          hint: "文件第一行写 ---，接着写 title、section 等字段，再用一行 --- 结束，然后是正文",
        });
        continue;
      }
      const parsed = parseLocatedYaml(split.yaml, file.path, 2);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const result = validateYaml(articleFrontmatterSchema, parsed.yaml, file.path);
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const fm = result.value;
      const lineOf = parsed.yaml.lineOf;
      const slug = fm.slug ?? file.path.slice(file.path.lastIndexOf("/") + 1, -".md".length);
      const bodyLine = file.text.slice(0, file.text.length - split.body.length).split("\n").length;
      if (!split.body.trim())
        problems.push({
          file: file.path,
          line: bodyLine,
          field: "body",
          message: "the article has no text after its frontmatter",
          hint: "在第二个 --- 之后写正文",
        });
      if (!sectionSlugs.has(fm.section)) {
        problems.push({
          file: file.path,
          line: lineOf(["section"]),
          field: "section",
          message: `unknown section "${fm.section}"; declared in ${sectionsPath}: ${[...sectionSlugs].join(", ")}`,
          hint: `从 ${[...sectionSlugs].join("、")} 中选一个，或先在 ${sectionsPath} 中新增版块`,
        });
      }
      if (fm.column && !columnSlugs.has(fm.column)) {
        problems.push({
          file: file.path,
          line: lineOf(["column"]),
          field: "column",
          message: `unknown column "${fm.column}"; declared in ${columnsPath}: ${[...columnSlugs].join(", ") || "(none)"}`,
          hint: `从已声明的栏目中选一个，或先在 ${columnsPath} 中新增栏目`,
        });
      }
      const other = articleFileBySlug.get(slug);
      if (other) {
        problems.push({
          file: file.path,
          line: fm.slug ? lineOf(["slug"]) : 1,
          field: "slug",
          message: `duplicate slug "${slug}": ${other} has it too`,
          hint: "每篇文章的 slug（默认取文件名）必须唯一：改文件名或写一个不同的 slug",
        });
        continue;
      }
      if (fm.image && !byPath.has(`${issuePrefix}${folder}/${fm.image.src}`)) {
        problems.push({
          file: file.path,
          line: lineOf(["image", "src"]),
          field: "image.src",
          message: `no image ${fm.image.src} in ${issuePrefix}${folder}/`,
          hint: "把图片文件放进本期文件夹，或改正文件名",
        });
      }
      const sameTitle = titlesInFolder.get(fm.title);
      if (sameTitle) {
        problems.push({
          file: file.path,
          line: lineOf(["title"]),
          field: "title",
          message: `duplicate headline "${fm.title}": ${sameTitle} has it too`,
          hint: "同一期里两篇文章不能同名：检查是否重复放入了同一篇稿件",
        });
      }
      titlesInFolder.set(fm.title, file.path);
      articleFileBySlug.set(slug, file.path);
      slugsInFolder.add(slug);
      const position = order.indexOf(slug) + 1;
      if (issue && position === 0) {
        problems.push({
          file: file.path,
          field: "slug",
          message: `"${slug}" is not listed under articles in ${issuePath}; add it where it ran in print order`,
          hint: `在 ${issuePath} 的 articles 列表中按见报顺序加上 - ${slug}`,
        });
      }
      articles.push({
        file: file.path,
        slug,
        issueSlug: folder,
        position,
        frontmatter: fm,
        body: split.body,
        hash: sha256(PIPELINE_VERSION, folder, position, file.text),
      });
    }

    order.forEach((slug, i) => {
      if (!slugsInFolder.has(slug) && !articleFiles.some((f) => f.path.endsWith(`/${slug}.md`))) {
        problems.push({
          file: issuePath,
          line: issueLines(["articles", i]),
          field: `articles[${i}]`,
          message: `lists "${slug}" but no article in ${issuePrefix}${folder}/ has that slug`,
          hint: `新建 ${issuePrefix}${folder}/${slug}.md，或从列表中删去这一行`,
        });
      }
    });
    if (issue) {
      issues.push({
        file: issuePath,
        slug: folder,
        date: issue.date,
        number: issue.number,
        banner: issue.banner,
        articleSlugs: order,
        hash: sha256(byPath.get(issuePath) ?? ""),
      });
    }
  }

  // An old slug keeps redirecting only if no article, current or renamed, claims it too.
  const claimedBy = new Map(articles.map((a) => [a.slug, a.file]));
  for (const a of articles) {
    a.frontmatter.oldSlugs.forEach((old, i) => {
      const other = claimedBy.get(old);
      if (other)
        problems.push({
          file: a.file,
          field: `oldSlugs[${i}]`,
          message: `"${old}" is already the slug or an old slug of ${other}`,
        });
      else claimedBy.set(old, a.file);
    });
  }

  if (problems.length > 0) throw new ContentError(problems);
  return { sections, columns, issues, articles };
}
