import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";

// Publishing by git push: a bare repository made by `npm run publish:setup` in front of the running
// e2e site (its content tree and database). An editor clones it, commits and pushes.
const CONTENT = "tests/.tmp/e2e-content";
const TMP = path.resolve("tests/.tmp/publish");
const REPO = path.join(TMP, "site.git");
const CLONE = path.join(TMP, "editor");
const BRANCH = "publish-e2e";
const ISSUE = "content/issues/2022-12-20";
const SLUG = "tuisong-fabu";
const TITLE = "编辑推送的稿件即刻见报";

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=编辑", "-c", "user.email=editor@zuoquan.example", ...args], {
    cwd: CLONE,
    encoding: "utf8",
  });
/** git push, as the editor sees it: exit status and everything printed (the hooks' lines are "remote: …"). */
const push = () => {
  const result = spawnSync("git", ["push", "origin", `HEAD:${BRANCH}`], { cwd: CLONE, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
};
const siteEnv = { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: "" };

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  // The publish repository starts from this repository's commit (a new branch of its own); the
  // editor's first commit makes its content/ the e2e site's.
  execFileSync("npx", ["tsx", "scripts/publish-setup.ts", REPO, "--branch", BRANCH], { env: siteEnv });
  execFileSync("git", ["clone", "--quiet", REPO, CLONE]);
  rmSync(path.join(CLONE, "content"), { recursive: true });
  cpSync(CONTENT, path.join(CLONE, "content"), { recursive: true });
  git("add", "-A", "content");
  git("commit", "--quiet", "-m", "the e2e site's content");
});

test.afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

function addArticle(frontmatter: string) {
  writeFileSync(path.join(CLONE, ISSUE, `${SLUG}.md`), `---\n${frontmatter}\n---\n\n通过 git push 发布的报道。\n`);
  const issueFile = path.join(CLONE, ISSUE, "issue.yaml");
  const issue = readFileSync(issueFile, "utf8");
  if (!issue.includes(SLUG))
    writeFileSync(issueFile, issue.replace("    articles:\n", `    articles:\n      - ${SLUG}\n`));
}

test("a push whose content fails the checks is refused, shows the editor why, and changes nothing", async ({
  page,
}) => {
  // The e2e content already passes; this push is accepted and publishes nothing new.
  expect(push().status).toBe(0);
  addArticle(`title: ${TITLE}\nsection: no-such-section\nbylines: [测试记者]`);
  git("add", "-A");
  git("commit", "--quiet", "-m", "一篇版块写错的稿件");
  const { status, output } = push();
  expect(status).not.toBe(0);
  expect(output).toMatch(
    new RegExp(`remote: error +${ISSUE}/${SLUG}\\.md:3 \\[section\\]: unknown section "no-such-section"`),
  );
  expect(output).toContain("拒绝推送");
  expect(output).toContain("pre-receive hook declined");
  expect(existsSync(path.join(CONTENT, "issues/2022-12-20", `${SLUG}.md`))).toBe(false);
  expect((await page.goto(`/articles/${SLUG}`))!.status()).toBe(404);
  git("reset", "--quiet", "--hard", "HEAD~1");
});

test("an accepted push puts the article on the running site within seconds", async ({ page }) => {
  addArticle(`title: ${TITLE}\nsection: industry\nbylines: [测试记者]`);
  git("add", "-A");
  git("commit", "--quiet", "-m", "新稿件");
  try {
    const started = Date.now();
    const { status, output } = push();
    expect(status, output).toBe(0);
    expect(output).toContain(`remote:   + ${SLUG}`);
    expect(output).toMatch(/remote: refreshed the site at http:\/\/127\.0\.0\.1:\d+/);
    await expect(async () => {
      await page.goto("/");
      await expect(page.getByRole("link", { name: TITLE }).first()).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
  } finally {
    // Taking it out is a push too.
    git("rm", "--quiet", path.join(ISSUE, `${SLUG}.md`));
    const issueFile = path.join(CLONE, ISSUE, "issue.yaml");
    writeFileSync(issueFile, readFileSync(issueFile, "utf8").replace(`      - ${SLUG}\n`, ""));
    git("commit", "--quiet", "-am", "撤下稿件");
    expect(push().output).toContain(`remote:   - ${SLUG}`);
  }
  await expect(async () => expect((await page.goto(`/articles/${SLUG}`))!.status()).toBe(404)).toPass({
    timeout: 10_000,
  });
});
