import type { ContentFile } from "@/lib/content/parse";

// A print issue of three pages with page PDFs (tests/fixtures/print/page-0N.pdf, made by
// tests/fixtures/print/generate.ts with CJK text in an embedded font), a few stories on each at
// known areas. The integration and browser tests ingest it beside other content.

export interface FixtureStory {
  slug: string;
  title: string;
  /** Left, top, width, height in fractions of the page. */
  area: { x: number; y: number; width: number; height: number };
  text: string;
}

export interface FixturePage {
  number: number;
  name: string;
  file: string;
  staff: { name: string; role: string }[];
  stories: FixtureStory[];
}

export const PRINT_FIXTURE_DIR = "tests/fixtures/print";
export const PRINT_DATE = "2022-11-15";

const body = (topic: string) =>
  `${topic}是全县今年的重点工作。各乡镇按照县委部署，细化责任、压实任务，确保各项措施落到实处。群众纷纷表示，日子越过越有奔头。`;

export const PRINT_PAGES: FixturePage[] = [
  {
    number: 1,
    name: "要闻",
    file: "page-01.pdf",
    staff: [
      { name: "刘芳", role: "责任编辑" },
      { name: "陈刚", role: "版式" },
    ],
    stories: [
      {
        slug: "print-yaowen-hetao",
        title: "核桃产业链全面提质增效",
        area: { x: 0.05, y: 0.12, width: 0.9, height: 0.38 },
        text: body("核桃产业"),
      },
      {
        slug: "print-yaowen-gongjiao",
        title: "全域免费公交惠及城乡群众",
        area: { x: 0.05, y: 0.52, width: 0.43, height: 0.43 },
        text: body("免费公交"),
      },
      {
        slug: "print-yaowen-xiesheng",
        title: "北方国际写生基地迎来首批画家",
        area: { x: 0.52, y: 0.52, width: 0.43, height: 0.43 },
        text: body("写生基地"),
      },
    ],
  },
  {
    number: 2,
    name: "综合",
    file: "page-02.pdf",
    staff: [{ name: "王敏", role: "责任编辑" }],
    stories: [
      {
        slug: "print-zonghe-lianqiao",
        title: "连翘种植面积再创新高",
        area: { x: 0.05, y: 0.08, width: 0.9, height: 0.42 },
        text: body("连翘种植"),
      },
      {
        slug: "print-zonghe-zuoquanyang",
        title: "左权羊品牌走出太行山",
        area: { x: 0.05, y: 0.55, width: 0.9, height: 0.4 },
        text: body("左权羊养殖"),
      },
    ],
  },
  {
    number: 3,
    name: "副刊",
    file: "page-03.pdf",
    staff: [{ name: "赵丽", role: "责任编辑" }],
    stories: [
      {
        slug: "print-fukan-kaihua",
        title: "开花调唱响新时代",
        area: { x: 0.05, y: 0.08, width: 0.55, height: 0.87 },
        text: body("民歌传承"),
      },
      {
        slug: "print-fukan-mata",
        title: "麻田红色记忆",
        area: { x: 0.64, y: 0.08, width: 0.31, height: 0.87 },
        text: body("红色教育"),
      },
    ],
  },
];

export const PRINT_STORIES = PRINT_PAGES.flatMap((p) => p.stories);

const areaYaml = ({ x, y, width, height }: FixtureStory["area"]) =>
  `{ x: ${x}, y: ${y}, width: ${width}, height: ${height} }`;

/** issue.yaml of the print issue; `pages` chooses which pages carry their PDF. */
export function printIssueYaml(withPdf: (page: FixturePage) => boolean = () => true): string {
  const pages = PRINT_PAGES.map((p) =>
    [
      `  - page: ${p.number}`,
      `    name: ${p.name}`,
      `    staff: [${p.staff.map((s) => `{ name: ${s.name}, role: ${s.role} }`).join(", ")}]`,
      ...(withPdf(p) ? [`    pdf: ${p.file}`] : []),
      "    articles:",
      ...p.stories.flatMap((s) => [`      - slug: ${s.slug}`, `        area: ${areaYaml(s.area)}`]),
    ].join("\n"),
  );
  return `date: ${PRINT_DATE}\nnumber: 1234\npages:\n${pages.join("\n")}\n`;
}

/** The issue's text files (paths under content/); the PDFs are copied from the fixtures. */
export function printIssueFiles(): ContentFile[] {
  return [
    { path: `content/issues/${PRINT_DATE}/issue.yaml`, text: printIssueYaml() },
    ...PRINT_STORIES.map((s) => ({
      path: `content/issues/${PRINT_DATE}/${s.slug}.md`,
      text: `---\ntitle: ${s.title}\nsection: rural\nbylines: [{ name: 版面记者, role: 记者 }]\n---\n\n${s.text}\n`,
    })),
  ];
}
