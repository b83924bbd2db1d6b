import type { ContentFile } from "@/lib/content/parse";
import { sectionsYaml } from "./content-fixtures";

export interface SyntheticOptions {
  articles: number;
  perIssue?: number;
  /** Tag every n-th article with 网格化管理, so tag lists span many pages. */
  tagEvery?: number;
  /** Paragraphs per article (each about 110 characters). */
  paragraphs?: number;
  root?: string;
  /** A last paragraph for story i, when it returns one. */
  extra?: (i: number) => string | undefined;
  /** Story i's headline, when it returns one (else 第i篇 合成报道). */
  title?: (i: number) => string | undefined;
  /** The first issue's date; one issue a day follows it. */
  start?: Date;
}

const SENTENCES = [
  "左权县坚持以党建为引领,统筹推进基层治理。",
  "全县上下围绕产业发展,大抓项目、狠抓落实。",
  "辽阳镇依托现有资源,抓好特色产业,增加村民收入。",
  "企业推进传统工业与互联网业态的融合,实现高质量发展。",
  "项目建设期间,工作专班为企业提供全程服务。",
];

/** The date `offset` days after `start`, as an issue folder names it. */
export function isoDay(start: Date, offset: number): string {
  return new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A valid content tree of `articles` stories, one issue every few of them, newest issue last. */
export function syntheticContent({
  articles,
  perIssue = 8,
  tagEvery = 3,
  paragraphs = 4,
  root = "content",
  extra,
  title,
  start = new Date("2020-01-01T00:00:00Z"),
}: SyntheticOptions): ContentFile[] {
  const files: ContentFile[] = [
    { path: `${root}/sections.yaml`, text: sectionsYaml },
    { path: `${root}/columns.yaml`, text: "- slug: ershida\n  name: 二十大精神在晋中\n  description: 专栏。\n" },
  ];
  for (let issue = 0; issue * perIssue < articles; issue++) {
    const date = isoDay(start, issue);
    const slugs: string[] = [];
    for (let i = issue * perIssue; i < Math.min(articles, (issue + 1) * perIssue); i++) {
      const slug = `story-${String(i).padStart(6, "0")}`;
      slugs.push(slug);
      const tags = [`标签${i % 50}`, ...(i % tagEvery === 0 ? ["网格化管理"] : [])];
      const last = extra?.(i);
      const body = [
        ...Array.from({ length: paragraphs }, (_, p) =>
          SENTENCES.slice(p % 5)
            .concat(SENTENCES.slice(0, p % 5))
            .join(""),
        ),
        ...(last ? [last] : []),
      ].join("\n\n");
      files.push({
        path: `${root}/issues/${date}/${slug}.md`,
        text: `---\ntitle: ${title?.(i) ?? `第${i}篇 合成报道`}\nsection: ${i % 2 ? "rural" : "news"}\n${i % 5 === 0 ? "column: ershida\n" : ""}bylines: [记者${i % 40}]\ntags: [${tags.join(", ")}]\n---\n\n${body}\n`,
      });
    }
    files.push({
      path: `${root}/issues/${date}/issue.yaml`,
      text: `date: ${date}\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`,
    });
  }
  return files;
}
