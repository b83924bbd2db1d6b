import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";

// The e2e server (tests/helpers/e2e-server.ts) reads this content tree and database.
const CONTENT = "tests/.tmp/e2e-content";
const ISSUE_DIR = `${CONTENT}/issues/2022-12-20`;
const ARTICLE = `${ISSUE_DIR}/wangge-yanguan-houai.md`;
const NEW_ARTICLE = `${ISSUE_DIR}/xinwen-kuaixun.md`;

function ingest(baseURL: string) {
  return execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: baseURL },
    encoding: "utf8",
  });
}

/** Reloads `path` until `check` passes: the site has a few seconds to follow an ingest. */
async function eventually(page: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 10_000, intervals: [250, 500, 1000] });
}

test.describe.configure({ mode: "serial" });

test("an ingest adds, changes and removes articles on every page of the running production site", async ({
  page,
  baseURL,
}) => {
  const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");
  const original = readFileSync(ARTICLE, "utf8");
  const title = "县城新开通三条公交线路";
  const pages = [
    "/",
    "/issues/2022-12-20",
    "/sections/industry",
    "/columns/ershida-jingshen-zai-jinzhong",
    `/tags/${encodeURIComponent("公交出行")}`,
    `/authors/${encodeURIComponent("新记者")}`,
  ];
  // Visit every page first, so they are cached: the test proves they are refreshed, not rendered for the first time.
  for (const path of [
    "/",
    "/issues/2022-12-20",
    "/sections/industry",
    "/articles/wangge-yanguan-houai",
    "/sections/governance",
  ])
    await page.goto(path);
  try {
    writeFileSync(
      NEW_ARTICLE,
      `---\ntitle: ${title}\nsection: industry\ncolumn: ershida-jingshen-zai-jinzhong\nbylines: [新记者]\ntags: [公交出行]\n---\n\n本报讯 县城公交公司新开通三条线路，方便群众出行。\n`,
    );
    writeFileSync(
      `${ISSUE_DIR}/issue.yaml`,
      issueYaml.replace(
        "      - rujiao-chanyeyuan-touchan\n",
        "      - rujiao-chanyeyuan-touchan\n      - xinwen-kuaixun\n",
      ),
    );
    writeFileSync(
      ARTICLE,
      original.replace("title: 在『严管』中彰显『厚爱』", "title: 在『严管』中彰显『厚爱』（更新）"),
    );
    const out = ingest(baseURL!);
    expect(out).toContain("+ xinwen-kuaixun");
    expect(out).toContain("~ wangge-yanguan-houai");
    expect(out).toContain(`refreshed the site at ${baseURL}`);

    for (const path of pages)
      await eventually(page, path, () =>
        expect(page.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 500 }),
      );
    await eventually(page, `/search?q=${encodeURIComponent("公交线路")}`, () =>
      expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 500 }),
    );
    for (const path of ["/", "/articles/wangge-yanguan-houai", "/sections/governance"]) {
      await eventually(page, path, () =>
        expect(page.getByText("在『严管』中彰显『厚爱』（更新）").first()).toBeVisible({ timeout: 500 }),
      );
    }
  } finally {
    rmSync(NEW_ARTICLE, { force: true });
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
    writeFileSync(ARTICLE, original);
  }
  const out = ingest(baseURL!);
  expect(out).toContain("- xinwen-kuaixun");
  for (const path of ["/", "/issues/2022-12-20", "/sections/industry", "/columns/ershida-jingshen-zai-jinzhong"]) {
    await eventually(page, path, () =>
      expect(page.getByRole("link", { name: title })).toHaveCount(0, { timeout: 500 }),
    );
  }
  for (const path of [
    `/tags/${encodeURIComponent("公交出行")}`,
    `/authors/${encodeURIComponent("新记者")}`,
    "/articles/xinwen-kuaixun",
  ]) {
    await expect(async () => expect((await page.goto(path))!.status()).toBe(404)).toPass({ timeout: 10_000 });
  }
  await eventually(page, "/articles/wangge-yanguan-houai", () =>
    expect(page.getByRole("heading", { level: 1 })).toHaveText("在『严管』中彰显『厚爱』", { timeout: 500 }),
  );
  await eventually(page, `/search?q=${encodeURIComponent("公交线路")}`, () =>
    expect(page.getByRole("heading", { name: "没有找到相关报道" })).toBeVisible({ timeout: 500 }),
  );
});

test("a renamed article's old URL redirects permanently to the new one", async ({ page, request, baseURL }) => {
  const oldPath = `${ISSUE_DIR}/jinyu-shuini-chuangxin.md`;
  const newPath = `${ISSUE_DIR}/jinyu-chuangxin.md`;
  const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");
  const original = readFileSync(oldPath, "utf8");
  try {
    rmSync(oldPath);
    writeFileSync(
      newPath,
      original.replace("section: industry", "section: industry\noldSlugs: [jinyu-shuini-chuangxin]"),
    );
    writeFileSync(
      `${ISSUE_DIR}/issue.yaml`,
      issueYaml.replace("      - jinyu-shuini-chuangxin\n", "      - jinyu-chuangxin\n"),
    );
    ingest(baseURL!);
    await expect(async () => {
      const res = await request.get("/articles/jinyu-shuini-chuangxin", { maxRedirects: 0 });
      expect(res.status()).toBe(308);
      expect(res.headers()["location"]).toBe("/articles/jinyu-chuangxin");
    }).toPass({ timeout: 10_000 });
    await page.goto("/articles/jinyu-shuini-chuangxin");
    await expect(page).toHaveURL(/\/articles\/jinyu-chuangxin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("创新引领发展 打造行业标杆");
  } finally {
    rmSync(newPath, { force: true });
    writeFileSync(oldPath, original);
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
    ingest(baseURL!);
  }
});
