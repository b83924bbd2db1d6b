import { beforeAll, describe, expect, it } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { getArticle, RELATED_LIMIT } from "@/lib/db/articles";
import { ingestContent } from "@/lib/ingest/ingest";
import { articleMd, contentTree, issueYaml } from "../helpers/content-fixtures";

// Related stories are counted in one statement over each tag's index (lib/db/articles.ts): most
// shared tags first, only what readers may see, never the story itself.

const ISSUE = "content/issues/2023-01-03";
const future = new Date(Date.now() + 24 * 3600_000).toISOString();
const stories: Record<string, Record<string, string>> = {
  subject: { tags: "[甲, 乙, 丙]" },
  "shares-one": { tags: "[丙]" },
  "shares-two": { tags: "[甲, 乙]" },
  "shares-three": { tags: "[甲, 乙, 丙]" },
  "shares-two-too": { tags: "[乙, 丙, 丁]" },
  "shares-three-draft": { tags: "[甲, 乙, 丙]", draft: "true" },
  "shares-three-scheduled": { tags: "[甲, 乙, 丙]", publishAt: future },
  "shares-none": { tags: "[丁]" },
  "shares-one-too": { tags: "[甲]" },
};

beforeAll(async () => {
  const files = contentTree({
    [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-03", Object.keys(stories)),
    [`${ISSUE}/first-story.md`]: null,
    [`${ISSUE}/second-story.md`]: null,
    ...Object.fromEntries(
      Object.entries(stories).map(([slug, fields]) => [`${ISSUE}/${slug}.md`, articleMd({ title: slug, ...fields })]),
    ),
  });
  await ingestContent(db, parseContent(files));
});

describe("related stories", () => {
  it("rank by the tags they share, leave out hidden stories and the story itself, and stop at the limit", async () => {
    const related = (await getArticle("subject"))!.related.map((r) => r.slug);
    expect(related).toHaveLength(RELATED_LIMIT);
    expect(related[0]).toBe("shares-three");
    expect(new Set(related.slice(1, 3))).toEqual(new Set(["shares-two", "shares-two-too"]));
    expect(["shares-one", "shares-one-too"]).toContain(related[3]);
  });

  it("carry what a list shows of each", async () => {
    const [first] = (await getArticle("subject"))!.related;
    expect(first).toMatchObject({
      slug: "shares-three",
      title: "shares-three",
      section: { slug: "news", name: "要闻" },
      issue: { slug: "2023-01-03" },
      bylines: ["张三"],
      draft: false,
    });
    expect(first!.publishedAt).toBeInstanceOf(Date);
  });
});
