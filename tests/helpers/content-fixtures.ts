import { ContentError, type ContentProblem } from "@/lib/content/errors";
import { parseContent, type ContentFile } from "@/lib/content/parse";

// Small, valid content trees for tests to break one thing at a time.

export const sectionsYaml = `- slug: news
  name: 要闻
  description: 本县要闻。
- slug: rural
  name: 乡村振兴
  description: 乡村振兴报道。
`;

export const columnsYaml = `- slug: ershida
  name: 二十大精神在晋中
  description: 专栏。
`;

export function issueYaml(date: string, slugs: string[]): string {
  return `date: ${date}\nbanner: 新时代 新征程 新伟业\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`;
}

export function articleMd(
  fields: Record<string, string> = {},
  body = "正文第一句。正文第二句\uFF01\n\n#### 小标题\n\n第二段。\n",
): string {
  const fm = { title: "测试标题", section: "news", bylines: "[张三]", tags: "[乡村振兴, 测试]", ...fields };
  const yaml = Object.entries(fm)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}`;
}

/** A one-issue tree; override or add files by path. */
export function contentTree(overrides: Record<string, string | null> = {}, root = "content"): ContentFile[] {
  const files: Record<string, string | null> = {
    [`${root}/sections.yaml`]: sectionsYaml,
    [`${root}/columns.yaml`]: columnsYaml,
    [`${root}/issues/2023-01-03/issue.yaml`]: issueYaml("2023-01-03", ["first-story", "second-story"]),
    [`${root}/issues/2023-01-03/first-story.md`]: articleMd({ title: "第一篇" }),
    [`${root}/issues/2023-01-03/second-story.md`]: articleMd({ title: "第二篇", section: "rural", column: "ershida" }),
    ...overrides,
  };
  return Object.entries(files).flatMap(([path, text]) => (text === null ? [] : [{ path, text }]));
}

/** The problems parseContent reports for `files`; fails when it accepts them. */
export function problemsOf(files: ContentFile[]): ContentProblem[] {
  try {
    parseContent(files);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  throw new Error("expected the content to be rejected");
}
