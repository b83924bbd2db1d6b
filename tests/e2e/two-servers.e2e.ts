import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, e2eProvider } from "../helpers/e2e-database";
import { SERVER_NODE_ARGS } from "../../lib/server/server-command";

// Several app servers behind a load balancer share one database; an ingest tells each to refresh.
// No SITE_URLS: each server records itself in the database, where the ingest finds it.
const CONTENT = "tests/.tmp/e2e-content";
const ISSUE_DIR = `${CONTENT}/issues/2022-12-20`;
const ARTICLE = `${ISSUE_DIR}/liangtai-fuwuqi.md`;

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

test(`two production servers over one ${e2eProvider()} database both show a newly ingested article`, async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const second = `http://127.0.0.1:${Number(new URL(baseURL!).port) + 1}`;
  const server = spawn(process.execPath, SERVER_NODE_ARGS, {
    env: {
      ...process.env,
      PORT: new URL(second).port,
      DATABASE_URL: e2eDatabaseUrl(),
      NEXT_DIST_DIR: ".next-e2e",
      CONTENT_DIR: CONTENT,
    },
    stdio: "ignore",
    detached: true,
  });
  const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");
  const title = "两台服务器同时更新";
  const ingest = () =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: "" },
      encoding: "utf8",
    });
  try {
    await expect(async () => expect(await listening(Number(new URL(second).port))).toBe(true)).toPass({
      timeout: 60_000,
    });
    // Both servers have the front page cached before the ingest.
    for (const origin of [baseURL!, second]) await page.goto(`${origin}/sections/industry`);
    writeFileSync(
      ARTICLE,
      `---\ntitle: ${title}\nsection: industry\nbylines: [测试记者]\n---\n\n负载均衡后的每台服务器都会收到刷新通知。\n`,
    );
    writeFileSync(
      `${ISSUE_DIR}/issue.yaml`,
      issueYaml.replace(
        "      - rujiao-chanyeyuan-touchan\n",
        "      - rujiao-chanyeyuan-touchan\n      - liangtai-fuwuqi\n",
      ),
    );
    const out = ingest();
    expect(out).toContain(`refreshed the site at ${baseURL}`);
    expect(out).toContain(`refreshed the site at ${second}`);
    for (const origin of [baseURL!, second]) {
      for (const path of ["/", "/sections/industry"]) {
        await expect(async () => {
          await page.goto(origin + path);
          await expect(page.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 500 });
        }).toPass({ timeout: 10_000 });
      }
    }
  } finally {
    rmSync(ARTICLE, { force: true });
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
    ingest();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
});
