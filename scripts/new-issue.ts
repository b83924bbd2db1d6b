// npm run content:new-issue -- <YYYY-MM-DD>: a new issue folder with its issue.yaml and a template article.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { isoDateSchema, sectionsFileSchema } from "../lib/content/schemas";
import { contentRoot } from "../lib/content/read";

export function newIssue(date: string, root = contentRoot()): string[] {
  const checked = isoDateSchema.safeParse(date);
  if (!checked.success)
    throw new Error(`the date "${date}" ${checked.error.issues[0]!.message}: write it as YYYY-MM-DD, e.g. 2023-01-03`);
  const folder = path.join(root, "issues", date);
  if (existsSync(folder)) throw new Error(`${folder} already exists: this issue has been started`);
  const sections = sectionsFileSchema.parse(parse(readFileSync(path.join(root, "sections.yaml"), "utf8")));
  mkdirSync(folder, { recursive: true });
  const slug = "bianji-shili";
  const issueFile = path.join(folder, "issue.yaml");
  writeFileSync(
    issueFile,
    [
      `date: ${date}`,
      "# 报眼横幅（没有就删去这一行）",
      "# banner: 新时代 新征程 新伟业",
      "# 版面，按版次排列；每一版列出见报的文章 slug（即文件名，不含 .md），第一版第一篇是头条。",
      "pages:",
      "  - page: 1 # 版次",
      "    name: 要闻 # 版名",
      "    # staff: [{ name: 张三, role: 责任编辑 }, { name: 李四, role: 版式 }]",
      "    # pdf: page-01.pdf # 排版系统导出的本版 PDF，放在本期文件夹里（没有 PDF 可写 image: page-01.jpg）",
      "    articles:",
      `      - slug: ${slug}`,
      "        # 本文在版面上的位置（可选），按版面宽、高的比例：左、上、宽、高",
      "        # area: { x: 0.05, y: 0.1, width: 0.9, height: 0.4 }",
      "",
    ].join("\n"),
  );
  const articleFile = path.join(folder, `${slug}.md`);
  writeFileSync(
    articleFile,
    [
      "---",
      "title: 在这里写标题",
      "# subtitle: 副标题（可选）",
      "# kicker: 引题（可选）",
      "# dateline: 本报讯",
      `section: ${sections[0]!.slug} # 可选：${sections.map((s) => `${s.slug}(${s.name})`).join("、")}`,
      "# column: 栏目 slug（可选，见 content/columns.yaml)",
      "bylines: []",
      "tags: []",
      "# 写完后删去下面这一行，文章才会公开",
      "draft: true",
      "---",
      "",
      "在这里写正文。每段之间空一行。",
      "",
      "#### 小标题",
      "",
      "小标题下的正文。",
      "",
    ].join("\n"),
  );
  return [issueFile, articleFile];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const date = process.argv[2];
  if (!date) {
    console.error("usage: npm run content:new-issue -- <YYYY-MM-DD>");
    process.exit(2);
  }
  try {
    for (const f of newIssue(date)) console.log(`created ${f}`);
    console.log("next: rename and fill in the article, list it in issue.yaml, then npm run content:check");
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
