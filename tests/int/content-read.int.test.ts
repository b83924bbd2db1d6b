import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { loadContent } from "@/lib/content/read";
import { syntheticContent } from "../helpers/synthetic-content";
import { scratchContent, writeTree } from "../helpers/content-dir";

// An archive has far more files than a process may hold open: 100,000 stories read all at once
// ran out of file descriptors (EMFILE). Here a process allowed 128 reads a 2,000-file tree.

const tree = scratchContent();
writeTree(syntheticContent({ articles: 2000, perIssue: 20, paragraphs: 1 }), tree.root);
afterAll(() => tree.dispose());

describe("reading a content tree", () => {
  it("holds only a few files open at once, however many there are", () => {
    const script = `const { loadContent } = await import("./lib/content/read.ts");
      const set = await loadContent(${JSON.stringify(tree.root)});
      console.log(set.articles.length, set.issues.length);`;
    const out = execFileSync(
      "bash",
      ["-c", `ulimit -n 128 && exec node --import tsx --input-type=module -e '${script}'`],
      {
        encoding: "utf8",
      },
    );
    expect(out.trim()).toBe("2000 100");
  });

  it("reads a story saved by a Windows editor: a byte-order mark and CRLF line ends", async () => {
    const copy = scratchContent("content");
    onTestFinished(() => copy.dispose());
    const file = "issues/2022-12-20/jinyu-shuini-chuangxin.md";
    const text = readFileSync(path.join("content", file), "utf8");
    copy.write(file, `\uFEFF${text.replaceAll("\n", "\r\n")}`);
    const story = (await loadContent(copy.root)).articles.find((a) => a.slug === "jinyu-shuini-chuangxin");
    expect(story?.frontmatter.title).toBe("创新引领发展 打造行业标杆");
    expect(story?.frontmatter.tags).toContain("科技创新");
  });
});
