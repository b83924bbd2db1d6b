import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";

// Pages are rendered once and kept until an ingest names them: an ingest drops the pages that
// show what it changed and no other, and a scheduled story appears at its time with no ingest.

const CONTENT = "tests/.tmp/e2e-content";
const ISSUE_DIR = `${CONTENT}/issues/2022-12-20`;
const ARTICLE = `${ISSUE_DIR}/rujiao-chanyeyuan-touchan.md`;
const SCHEDULED = `${ISSUE_DIR}/dingshi-fabu.md`;

function ingest(baseURL: string) {
  return execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: baseURL },
    encoding: "utf8",
  });
}

/** When Next last rendered the page at `path` into its cache on disk (the e2e build is .next-e2e). */
function renderedAt(path: string): number {
  const root = ".next-e2e/server/route-cache/APP_PAGE";
  const file = readdirSync(root)
    .map((build) => `${root}/${build}/$${decodeURIComponent(path)}.html`)
    .find((f) => existsSync(f));
  if (!file) throw new Error(`no cached render of ${path}`);
  return statSync(file).mtimeMs;
}

test.describe.configure({ mode: "serial" });

test("an ingest re-renders the pages that show its change, and leaves the others cached", async ({
  request,
  baseURL,
}) => {
  const shows = ["/sections/industry", `/tags/${encodeURIComponent("乳胶产业园")}`];
  const elsewhere = ["/sections/commentary", `/tags/${encodeURIComponent("乡村振兴")}`];
  for (const path of [...shows, ...elsewhere]) expect((await request.get(path)).status()).toBe(200);
  const before = new Map([...shows, ...elsewhere].map((p) => [p, renderedAt(p)]));
  const original = readFileSync(ARTICLE, "utf8");
  try {
    writeFileSync(ARTICLE, original.replace("title: 左权天然乳胶产业园", "title: 左权天然乳胶产业园（更新）"));
    const out = ingest(baseURL!);
    expect(out).toMatch(new RegExp(`refreshed the site at ${baseURL} \\(\\d+ pages\\)`));
    // Past the micro-cache's fresh copies: every page is asked of Next again.
    await new Promise((r) => setTimeout(r, 2500));
    for (const path of [...shows, ...elsewhere]) {
      await request.get(path);
      await expect(async () => {
        expect((await request.get(path)).status()).toBe(200);
        if (shows.includes(path)) expect(renderedAt(path)).toBeGreaterThan(before.get(path)!);
      }).toPass({ timeout: 10_000 });
    }
    for (const path of elsewhere) expect(renderedAt(path)).toBe(before.get(path));
    await expect(async () => {
      expect(await (await request.get("/sections/industry")).text()).toContain("左权天然乳胶产业园（更新）");
    }).toPass({ timeout: 10_000 });
  } finally {
    writeFileSync(ARTICLE, original);
    ingest(baseURL!);
  }
});

test("a scheduled story appears at its time, with no ingest then", async ({ request, baseURL }) => {
  const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");
  const title = "定时发布的快讯";
  const at = new Date(Date.now() + 12_000);
  expect(await (await request.get("/")).text()).not.toContain(title);
  try {
    writeFileSync(
      SCHEDULED,
      `---\ntitle: ${title}\nsection: industry\nbylines: [新记者]\npublishAt: ${at.toISOString()}\n---\n\n本报讯 这是一条定时发布的快讯。\n`,
    );
    // The story goes under the source issue's one page, after the last of its stories.
    const withStory = issueYaml.replace(
      /^(\s+)- rujiao-chanyeyuan-touchan\n/m,
      "$1- rujiao-chanyeyuan-touchan\n$1- dingshi-fabu\n",
    );
    expect(withStory).not.toBe(issueYaml);
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, withStory);
    ingest(baseURL!);
    expect((await request.get("/articles/dingshi-fabu")).status()).toBe(404);
    expect(await (await request.get("/")).text()).not.toContain(title);
    expect(Date.now()).toBeLessThan(at.getTime());
    await expect(async () => {
      expect((await request.get("/articles/dingshi-fabu")).status()).toBe(200);
      expect(await (await request.get("/")).text()).toContain(title);
      expect(await (await request.get("/sections/industry")).text()).toContain(title);
    }).toPass({ timeout: 30_000, intervals: [1000] });
  } finally {
    rmSync(SCHEDULED, { force: true });
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
    ingest(baseURL!);
  }
});
