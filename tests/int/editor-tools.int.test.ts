import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/read";
import { newIssue } from "@/scripts/new-issue";
import { scratchContent } from "../helpers/content-dir";

let content: ReturnType<typeof scratchContent>;
afterEach(() => content.dispose());

function check(root: string): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync("npx", ["tsx", "scripts/content-check.ts", root], { encoding: "utf8", stdio: "pipe" }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe("content:new-issue", () => {
  it("scaffolds an issue that passes the checks as a draft", async () => {
    content = scratchContent("content");
    const files = newIssue("2023-01-03", content.root);
    expect(files.map((f) => f.split("/").slice(-2).join("/"))).toEqual([
      "2023-01-03/issue.yaml",
      "2023-01-03/bianji-shili.md",
    ]);
    const set = await loadContent(content.root);
    expect(set.articles.find((a) => a.slug === "bianji-shili")!.frontmatter.draft).toBe(true);
    const issue = set.issues.find((i) => i.slug === "2023-01-03")!;
    expect(issue.pages.map((p) => [p.number, p.name, p.stories.map((s) => s.slug)])).toEqual([
      ["1", "要闻", ["bianji-shili"]],
    ]);
    expect(() => newIssue("2023-01-03", content.root)).toThrow(/already exists/);
    expect(() => newIssue("2023-02-30", content.root)).toThrow(/YYYY-MM-DD|calendar/);
  });
});

describe("content:check", () => {
  it("exits 0 on good content and 1 with file, line, field and a fix on bad content", () => {
    content = scratchContent("content");
    expect(check(content.root)).toMatchObject({ code: 0 });
    content.write("issues/2022-12-20/wangge-yanguan-houai.md", "---\ntitle: 标题\nsection: sport\n---\n\n正文。\n");
    const r = check(content.root);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `${content.root}/issues/2022-12-20/wangge-yanguan-houai.md:3 [section]: unknown section "sport"`,
    );
    expect(r.out).toContain("修改方法");
  });
});
