import { loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { scratchContent } from "./content-dir";

// The tree the SEO tests read: content/ (the source issue), two older issues of
// stories sharing a tag and a byline, and a later issue with a story published an
// hour ago (news sitemap), a corrected one, a hostile title, a draft and a story
// scheduled for tomorrow.

export const SITE_ORIGIN = "https://www.zuoquan.example";

export const LATER = "2023-01-10";
export const BULK_DATE = "2022-05-01";
export const future = new Date(Date.now() + 24 * 3600_000).toISOString();
export const recent = new Date(Date.now() - 3600_000).toISOString();

/** A title that would break naive XML or HTML: markup, entities, a CDATA end, quotes. */
export const HOSTILE_TITLE = `标题<b>加粗</b> &amp; &nbsp; ]]> "引号" 'x' </script>`;
export const HOSTILE_TAG = "R&D<研发>";

const md = (fm: Record<string, string>, body = "正文第一句。正文第二句！\n") =>
  `---\n${Object.entries(fm)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n\n${body}`;

export async function ingestSeoContent(): Promise<{ dispose(): void }> {
  process.env.SITE_ORIGIN = SITE_ORIGIN;
  const tree = scratchContent("content");
  // Two older issues of 25 and 30 stories, all tagged 乡村振兴 and by 测试记者: the tag's and the byline's
  // listings run to three pages, and the paper's, the tag's and the byline's feeds past the limit of 50.
  for (const [date, prefix, count] of [
    ["2022-06-01", "older-story", 25],
    [BULK_DATE, "bulk-story", 30],
  ] as const) {
    const slugs = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, "0")}`);
    tree.write(`issues/${date}/issue.yaml`, `date: ${date}\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`);
    slugs.forEach((slug, i) =>
      tree.write(
        `issues/${date}/${slug}.md`,
        md({
          title: `${prefix === "bulk-story" ? "批量" : "往期"}报道第${i + 1}篇`,
          section: i % 2 ? "rural" : "industry",
          bylines: "[测试记者]",
          tags: "[乡村振兴]",
          publishAt: `${date}T${String(6 + (i % 12)).padStart(2, "0")}:${String(i).padStart(2, "0")}:00+08:00`,
        }),
      ),
    );
  }
  const dir = `issues/${LATER}`;
  tree.write(
    `${dir}/issue.yaml`,
    `date: ${LATER}\nnumber: 12\narticles:\n  - recent-story\n  - corrected-story\n  - hostile-title\n  - secret-draft\n  - scheduled\n`,
  );
  tree.write(
    `${dir}/recent-story.md`,
    md({
      title: "刚刚发布的报道",
      subtitle: "副标题在此",
      section: "rural",
      column: "fenjin-xin-zhengcheng",
      bylines: "[测试记者, 景亚萱]",
      tags: "[乡村振兴, 新闻测试]",
      publishAt: recent,
    }),
  );
  tree.write(
    `${dir}/corrected-story.md`,
    md({
      title: "更正过的报道",
      section: "governance",
      bylines: "[崔丽娟]",
      tags: "[基层治理]",
      publishAt: "2023-01-10T08:00:00+08:00",
      corrections: '[{date: 2023-02-01, text: "第二段的数字有误，已更正。"}]',
    }),
  );
  tree.write(
    `${dir}/hostile-title.md`,
    md(
      {
        title: JSON.stringify(HOSTILE_TITLE),
        section: "industry",
        bylines: "[王磊]",
        tags: `[${JSON.stringify(HOSTILE_TAG)}]`,
      },
      "含有 <不是标签> 与 & 符号的正文。\n",
    ),
  );
  tree.write(
    `${dir}/secret-draft.md`,
    md({ title: "草稿标题", draft: "true", section: "rural", bylines: "[草稿作者]", tags: "[草稿标签, 乡村振兴]" }),
  );
  tree.write(
    `${dir}/scheduled.md`,
    md({
      title: "定时发布",
      publishAt: future,
      section: "governance",
      column: "fenjin-xin-zhengcheng",
      bylines: "[定时作者]",
      tags: "[定时标签]",
    }),
  );
  await ingestContent(db, await loadContent(tree.root));
  return tree;
}

/** Titles of what readers must never see. */
export const HIDDEN_SLUGS = ["secret-draft", "scheduled"];
export const HIDDEN_NAMES = ["草稿作者", "草稿标签", "定时作者", "定时标签"];
