import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { splitFrontmatter } from "@/lib/content/parse";
import { parseLocatedYaml } from "@/lib/content/yaml";

// Content's YAML is read by js-yaml, and by `yaml` (which keeps positions) only to name a
// problem's line: both must read every file the newsroom writes alike.

const files = ["content", "tests/fixtures"].flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((p) => /\.(ya?ml|md)$/.test(p))
    .map((p) => path.join(root, p)),
);

function yamlOf(file: string): string | null {
  const text = readFileSync(file, "utf8");
  return file.endsWith(".md") ? (splitFrontmatter(text)?.yaml ?? null) : text;
}

/** What editors write besides the fixtures: dates and times unquoted, blocks, flow and block lists, nulls, numbers. */
const WRITTEN = [
  "publishAt: 2023-01-04T08:00:00+08:00\ndate: 2022-12-20\nnumber: 0012\ndraft: true\nbanner: ~\n",
  "title: 「乡村振兴」：左权在行动\nsubtitle: '单引号里的''引号'''\nkicker: \"双引号 \\\"转义\\\"\"\n",
  "caption: |\n  第一行\n  第二行\nalt: >\n  折叠的\n  一段\n",
  "tags: [乡村振兴, 网格化管理]\nbylines:\n  - name: 王磊\n    role: 记者\n  - 陈晓文\n",
  "corrections:\n  - date: 2023-01-04\n    text: 原文第二段的数字有误，已更正。\nphotoCredits: []\n",
  "a: &x 左权\nb: *x\nc: 1e3\nd: 0x1F\ne: .5\nf: no\ng: yes\nh: null\n",
  "title: 标题 # 注释\n# 整行注释\nsection: news\n",
];

describe("content YAML", () => {
  it("reads every file of the content and the fixtures, and what editors write, as `yaml` does", () => {
    const sources = [
      ...files.map((file) => [file, yamlOf(file)] as const),
      ...WRITTEN.map((text, i) => [`written ${i}`, text] as const),
    ];
    let compared = 0;
    for (const [file, source] of sources) {
      if (source === null) continue;
      const reference = parseDocument(source, { uniqueKeys: true });
      const parsed = parseLocatedYaml(source, file);
      expect(parsed.ok, file).toBe(reference.errors.length === 0);
      if (parsed.ok) expect(parsed.yaml.data, file).toEqual(reference.toJS());
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
  });

  it("names a problem's line from the positions `yaml` keeps", () => {
    const parsed = parseLocatedYaml("title: 标题\ntags:\n  - 乡村振兴\n  - 网格\n", "a.md", 2);
    expect(parsed.ok && parsed.yaml.lineOf(["tags", 1])).toBe(5);
    expect(parsed.ok && parsed.yaml.lineOf(["title"])).toBe(2);
  });

  it("reports a duplicated key as malformed, on its line", () => {
    const parsed = parseLocatedYaml("title: 一\nsection: news\ntitle: 二\n", "a.md", 2);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ file: "a.md", line: 4, field: "yaml" });
  });
});
