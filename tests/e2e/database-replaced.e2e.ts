import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eProvider } from "../helpers/e2e-database";
import { SERVER_NODE_ARGS } from "../../lib/server/server-command";

// A production server whose SQLite file is replaced under it (`rm data/portal.db && npm run ingest`)
// goes on serving the new database; one whose file becomes unreadable answers page loads with the
// site's own error page. Files are SQLite's alone: on PostgreSQL there is no file to replace.

const FILE = "tests/.tmp/e2e-replaced.db";
const URL_ = `file:./${FILE}`;
const CONTENT = "tests/.tmp/e2e-content";

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

const removeDatabase = () => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(FILE + suffix, { force: true });
};

if (e2eProvider() === "sqlite") {
  test("the server survives its database file being replaced, and shows its error page when it is unreadable", async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const port = Number(new URL(baseURL!).port) + 2;
    const origin = `http://127.0.0.1:${port}`;
    const env = { ...process.env, DATABASE_URL: URL_, CONTENT_DIR: CONTENT, SITE_URLS: origin };
    const ingest = () => {
      execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env, stdio: "pipe" });
      execFileSync("npx", ["tsx", "scripts/ingest.ts"], { env, stdio: "pipe" });
    };
    mkdirSync("tests/.tmp", { recursive: true });
    removeDatabase();
    ingest();
    const server = spawn(process.execPath, SERVER_NODE_ARGS, {
      env: { ...env, PORT: String(port), NEXT_DIST_DIR: ".next-e2e" },
      stdio: "ignore",
      detached: true,
    });
    try {
      await expect(async () => expect(await listening(port)).toBe(true)).toPass({ timeout: 60_000 });
      const search = `${origin}/search?q=${encodeURIComponent("乳胶")}`;
      expect((await request.get(search)).status()).toBe(200);

      // Replaced while the server runs: the old file is deleted, a new one made by the ingest.
      removeDatabase();
      ingest();
      await expect(async () => {
        const res = await request.get(search);
        expect(res.status()).toBe(200);
        expect(await res.text()).toMatch(/找到 \d+ 篇报道/);
      }).toPass({ timeout: 15_000 });
      expect((await request.get(`${origin}/api/search?q=${encodeURIComponent("网格")}`)).status()).toBe(200);

      // Unreadable: a file that is no database takes its place. A page load gets the site's error
      // page, with status 500, not plain text.
      writeFileSync(`${FILE}.new`, "this is not a database ".repeat(400));
      for (const suffix of ["-wal", "-shm"]) rmSync(FILE + suffix, { force: true });
      renameSync(`${FILE}.new`, FILE);
      await expect(async () => {
        const res = await page.goto(`${origin}/search?q=${encodeURIComponent("水泥")}`);
        expect(res!.status()).toBe(500);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面暂时无法显示", { timeout: 500 });
      }).toPass({ timeout: 15_000 });
    } finally {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
      removeDatabase();
    }
  });
}
