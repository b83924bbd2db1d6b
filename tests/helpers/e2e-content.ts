import type { ContentFile } from "@/lib/content/parse";

export const E2E_EXTRA = {
  date: "2022-06-01",
  tag: "乡村振兴",
  author: "测试记者",
  count: 25,
};

/** An older issue of 25 short stories, all tagged 乡村振兴 and written by one byline. */
export function syntheticE2eIssue(): ContentFile[] {
  const slugs = Array.from({ length: E2E_EXTRA.count }, (_, i) => `e2e-story-${String(i + 1).padStart(2, "0")}`);
  return [
    {
      path: `content/issues/${E2E_EXTRA.date}/issue.yaml`,
      text: `date: ${E2E_EXTRA.date}\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`,
    },
    ...slugs.map((slug, i) => ({
      path: `content/issues/${E2E_EXTRA.date}/${slug}.md`,
      text: `---\ntitle: 测试报道第${i + 1}篇\nsection: rural\nbylines: [${E2E_EXTRA.author}]\ntags: [${E2E_EXTRA.tag}]\n---\n\n这是一篇用于翻页测试的报道。第二句话。\n`,
    })),
  ];
}
