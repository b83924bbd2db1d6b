import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

// The e2e server (tests/helpers/e2e-server.ts) reads this content tree and database.
const CONTENT = "tests/.tmp/e2e-content";
const ARTICLE = `${CONTENT}/issues/2022-12-20/wangge-yanguan-houai.md`;

function ingest(baseURL: string) {
  return execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
    env: { ...process.env, DATABASE_URL: "file:./tests/.tmp/e2e.db", CONTENT_DIR: CONTENT, SITE_URLS: baseURL },
    encoding: "utf8",
  });
}

test("an ingest refreshes cached pages on the running production site, with no rebuild", async ({ page, baseURL }) => {
  const original = readFileSync(ARTICLE, "utf8");
  // Cache the pages first, so the test proves they are refreshed rather than rendered for the first time.
  for (const path of ["/", "/articles/wangge-yanguan-houai", "/sections/governance"]) await page.goto(path);
  try {
    writeFileSync(ARTICLE, original.replace("title: 在『严管』中彰显『厚爱』", "title: 在『严管』中彰显『厚爱』(更新)"));
    const out = ingest(baseURL!);
    expect(out).toContain("~ wangge-yanguan-houai");
    expect(out).toContain(`refreshed the site at ${baseURL}`);
    for (const path of ["/", "/articles/wangge-yanguan-houai", "/sections/governance"]) {
      await expect(async () => {
        await page.goto(path);
        await expect(page.getByText("在『严管』中彰显『厚爱』(更新)").first()).toBeVisible({ timeout: 500 });
      }).toPass({ timeout: 10_000 });
    }
  } finally {
    writeFileSync(ARTICLE, original);
    ingest(baseURL!);
  }
  await expect(async () => {
    await page.goto("/articles/wangge-yanguan-houai");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("在『严管』中彰显『厚爱』", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
});
