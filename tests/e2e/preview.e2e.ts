import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";

// npm run preview next to the public e2e site, over the same content tree: the editor sees a draft
// and a scheduled story marked, as readers will see them; readers see neither.
const CONTENT = "tests/.tmp/e2e-content";
const ISSUE_DIR = `${CONTENT}/issues/2022-12-20`;
const PREVIEW_DB = "tests/.tmp/preview.db";
const DRAFT = { slug: "yulan-caogao", title: "尚未发表的草稿稿件" };
const SCHEDULED = { slug: "yulan-dingshi", title: "定时发表的预告稿件" };

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
const article = (title: string, extra: string) =>
  `---\ntitle: ${title}\nsection: industry\nbylines: [测试记者]\n${extra}\n---\n\n编辑在发表前预览这篇稿件。\n`;
const ingest = () =>
  execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: "" },
    encoding: "utf8",
  });

let preview: ChildProcess;
let previewUrl: string;
const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  // The preview builds the site for itself (.next-preview) the first time.
  test.setTimeout(900_000);
  writeFileSync(`${ISSUE_DIR}/${DRAFT.slug}.md`, article(DRAFT.title, "draft: true"));
  writeFileSync(`${ISSUE_DIR}/${SCHEDULED.slug}.md`, article(SCHEDULED.title, "publishAt: 2099-01-01T08:00:00+08:00"));
  writeFileSync(
    `${ISSUE_DIR}/issue.yaml`,
    `${issueYaml.trimEnd()}\n      - ${DRAFT.slug}\n      - ${SCHEDULED.slug}\n`,
  );
  // The public site has them in its database too, as any ingest of drafts does.
  ingest();
  const port = Number(new URL(baseURL!).port) + 2;
  previewUrl = `http://127.0.0.1:${port}`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(PREVIEW_DB + suffix, { force: true });
  const log = openSync("tests/.tmp/preview.log", "w");
  preview = spawn(process.execPath, ["--import", "tsx", "scripts/preview.ts"], {
    env: {
      ...process.env,
      PREVIEW_PORT: String(port),
      PREVIEW_DATABASE_URL: `file:./${PREVIEW_DB}`,
      CONTENT_DIR: CONTENT,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  await expect(async () => expect(await listening(port)).toBe(true)).toPass({ timeout: 840_000, intervals: [2000] });
});

test.afterAll(() => {
  if (preview?.pid) process.kill(-preview.pid, "SIGTERM");
  rmSync(`${ISSUE_DIR}/${DRAFT.slug}.md`, { force: true });
  rmSync(`${ISSUE_DIR}/${SCHEDULED.slug}.md`, { force: true });
  writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
  ingest();
});

test("the preview shows a draft and a scheduled story as readers will, marked 草稿 and 定时, never indexable", async ({
  page,
}) => {
  const front = await page.goto(`${previewUrl}/`);
  expect(front!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(page.getByRole("note")).toContainText("预览");
  const draftCard = page.locator(".article-card", { has: page.getByRole("link", { name: DRAFT.title }) });
  await expect(draftCard.locator(".status-mark")).toHaveText("草稿");
  const scheduledCard = page.locator(".article-card", { has: page.getByRole("link", { name: SCHEDULED.title }) });
  await expect(scheduledCard.locator(".status-mark")).toHaveText(/^定时 2099/);

  const story = await page.goto(`${previewUrl}/articles/${DRAFT.slug}`);
  expect(story!.status()).toBe(200);
  expect(story!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`草稿${DRAFT.title}`);

  // Saving the file updates the preview.
  writeFileSync(`${ISSUE_DIR}/${DRAFT.slug}.md`, article(`${DRAFT.title}（改）`, "draft: true"));
  await expect(async () => {
    await page.goto(`${previewUrl}/articles/${DRAFT.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`草稿${DRAFT.title}（改）`, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
});

test("readers never see the draft or the scheduled story", async ({ page, request }) => {
  ingest();
  for (const path of ["/", "/issues/2022-12-20", "/sections/industry", `/authors/${encodeURIComponent("测试记者")}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    for (const { title } of [DRAFT, SCHEDULED]) await expect(page.getByText(title)).toHaveCount(0);
    await expect(page.locator(".status-mark, .preview-banner")).toHaveCount(0);
  }
  for (const { slug } of [DRAFT, SCHEDULED]) expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  for (const path of ["/feed.xml", "/atom.xml", "/sitemap.xml", `/search?q=${encodeURIComponent("预览这篇稿件")}`]) {
    const body = await (await request.get(path)).text();
    for (const { slug, title } of [DRAFT, SCHEDULED]) {
      expect(body, path).not.toContain(slug);
      expect(body, path).not.toContain(title);
    }
  }
  const front = await request.get("/");
  expect(front.headers()["x-robots-tag"]).toBeUndefined();
});
