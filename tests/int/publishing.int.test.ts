import { beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { parseContent } from "@/lib/content/parse";
import { db } from "@/lib/db/client";
import { getArticle, getRedirect } from "@/lib/db/articles";
import { ingestContent } from "@/lib/ingest/ingest";
import { getIssue, getLatestIssue, listIssues } from "@/lib/db/issues";
import { getListing } from "@/lib/db/listings";
import { searchArticles } from "@/lib/search/search";
import { articleMd, contentTree, issueYaml } from "../helpers/content-fixtures";

const ISSUE = "content/issues/2023-01-03";
const LATER = "content/issues/2023-01-10";
const future = new Date(Date.now() + 24 * 3600_000).toISOString();
const past = new Date(Date.now() - 3600_000).toISOString();

beforeAll(async () => {
  const files = contentTree({
    [`${ISSUE}/issue.yaml`]: issueYaml("2023-01-03", [
      "first-story",
      "second-story",
      "secret-draft",
      "scheduled",
      "was-published",
      "renamed-later",
    ]),
    [`${ISSUE}/first-story.md`]: articleMd({
      title: "第一篇",
      tags: "[公开标签]",
      oldSlugs: "[old-first, older-first]",
      corrections: '[{date: 2023-01-04, text: "原文第二段的数字有误，已更正。"}]',
    }),
    [`${ISSUE}/secret-draft.md`]: articleMd(
      { title: "草稿标题", draft: "true", bylines: "[草稿作者]", tags: "[草稿标签]", oldSlugs: "[draft-old-name]" },
      "草稿独有的秘密词语。\n",
    ),
    [`${ISSUE}/scheduled.md`]: articleMd(
      { title: "定时发布", publishAt: future, bylines: "[定时作者]", tags: "[定时标签]" },
      "定时独有的词语。\n",
    ),
    [`${ISSUE}/renamed-later.md`]: articleMd({
      title: "改名待发",
      publishAt: future,
      oldSlugs: "[scheduled-old-name]",
    }),
    [`${ISSUE}/was-published.md`]: articleMd({ title: "已到时间", publishAt: past }, "到点发布的词语。\n"),
    // An issue whose only story is a draft is not an issue readers can see.
    [`${LATER}/issue.yaml`]: issueYaml("2023-01-10", ["later-draft"]),
    [`${LATER}/later-draft.md`]: articleMd({ title: "下期草稿", draft: "true" }),
  });
  await ingestContent(db, parseContent(files));
});

describe("drafts", () => {
  it("stay out of article pages, issues, lists, counts and search", async () => {
    expect(await getArticle("secret-draft")).toBeNull();
    const issue = await getIssue("2023-01-03");
    expect(issue!.articles.map((a) => a.slug)).toEqual(["first-story", "second-story", "was-published"]);
    expect(await getIssue("2023-01-10")).toBeNull();
    expect((await getLatestIssue())!.slug).toBe("2023-01-03");
    const archive = await listIssues(1);
    expect(archive.total).toBe(1);
    expect(archive.items[0]!.articleCount).toBe(3);
    expect((await getListing("section", "news", 1))!.articles.items.map((a) => a.slug)).not.toContain("secret-draft");
    expect(await getListing("author", "草稿作者", 1)).toBeNull();
    expect(await getListing("tag", "草稿标签", 1)).toBeNull();
    expect((await searchArticles({ q: "秘密词语", page: 1 })).total).toBe(0);
    expect((await searchArticles({ author: "草稿作者", page: 1 })).total).toBe(0);
    expect((await searchArticles({ q: "草稿作者", page: 1 })).author).toBeNull();
  });

  it("skip drafts when linking neighbours in the issue", async () => {
    const second = await getArticle("second-story");
    expect(second!.next!.slug).toBe("was-published");
  });
});

describe("scheduled publication", () => {
  it("keeps a future article out until its time, and shows a past one", async () => {
    expect(await getArticle("scheduled")).toBeNull();
    expect(await getListing("author", "定时作者", 1)).toBeNull();
    expect((await searchArticles({ q: "定时独有", page: 1 })).total).toBe(0);
    const published = await getArticle("was-published");
    expect(published!.publishedAt.toISOString()).toBe(past);
    expect((await searchArticles({ q: "到点发布", page: 1 })).results.map((r) => r.slug)).toEqual(["was-published"]);
  });

  it("lets the article in once its time has come, with no new ingest", async () => {
    // The clock moves past its time; the database stays as the ingest wrote it.
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(Date.parse(future) + 1000);
    expect((await getArticle("scheduled"))!.title).toBe("定时发布");
    expect((await getListing("author", "定时作者", 1))!.articles.total).toBe(1);
  });
});

describe("renamed articles and corrections", () => {
  it("maps each old slug to the current one", async () => {
    expect(await getRedirect("old-first")).toBe("first-story");
    expect(await getRedirect("older-first")).toBe("first-story");
    expect(await getRedirect("never-was")).toBeNull();
  });

  it("never discloses a hidden story's slug: its old slugs do not redirect until readers may see it", async () => {
    expect(await getRedirect("draft-old-name")).toBeNull();
    expect(await getRedirect("scheduled-old-name")).toBeNull();
  });

  it("carries dated corrections", async () => {
    expect((await getArticle("first-story"))!.corrections).toEqual([
      { date: "2023-01-04", text: "原文第二段的数字有误，已更正。" },
    ]);
  });
});
