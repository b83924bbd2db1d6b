import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../helpers/e2e-database";
import { SERVER_NODE_ARGS } from "../../lib/server/server-command";

// Debian's nginx with deploy/nginx/zuoquan-news.conf, on loopback ports, in front of two production
// servers over one database: the e2e server and a second one on the next port.
const NGINX = "/usr/sbin/nginx";
const PROXY_PORT = Number(process.env.E2E_PROXY_PORT ?? 8500);
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const PREFIX = path.resolve("tests/.tmp/nginx");
const CONTENT = "tests/.tmp/e2e-content";
const ISSUE_DIR = `${CONTENT}/issues/2022-12-20`;

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
const untilListening = (port: number) =>
  expect(async () => expect(await listening(port)).toBe(true)).toPass({ timeout: 90_000 });

/** The maintained configuration, with only its ports, cache path and listen address moved for the test. */
function siteConfig(appPorts: [number, number]): string {
  let conf = readFileSync("deploy/nginx/zuoquan-news.conf", "utf8");
  const swaps: [string, string][] = [
    ["server 127.0.0.1:3000 ", `server 127.0.0.1:${appPorts[0]} `],
    ["server 127.0.0.1:3001 ", `server 127.0.0.1:${appPorts[1]} `],
    ["listen 80;", `listen 127.0.0.1:${PROXY_PORT};`],
    ["listen [::]:80;", ""],
    ["/var/cache/nginx/zuoquan-news", `${PREFIX}/cache`],
  ];
  for (const [from, to] of swaps) {
    expect(conf, `deploy/nginx/zuoquan-news.conf has "${from}"`).toContain(from);
    conf = conf.replace(from, to);
  }
  return conf;
}

/** nginx's main configuration, as Debian's /etc/nginx/nginx.conf would be, with every path under the prefix. */
const mainConfig = () => `daemon off;
pid ${PREFIX}/nginx.pid;
error_log ${PREFIX}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  log_format upstream '$request_uri $status $upstream_addr';
  access_log ${PREFIX}/access.log upstream;
  client_body_temp_path ${PREFIX}/body;
  proxy_temp_path ${PREFIX}/proxy;
  fastcgi_temp_path ${PREFIX}/fastcgi;
  uwsgi_temp_path ${PREFIX}/uwsgi;
  scgi_temp_path ${PREFIX}/scgi;
  include ${PREFIX}/zuoquan-news.conf;
}
`;

let second: ChildProcess;
let nginx: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  const appPort = Number(new URL(baseURL!).port);
  second = spawn(process.execPath, SERVER_NODE_ARGS, {
    env: { ...process.env, PORT: String(appPort + 1), DATABASE_URL: e2eDatabaseUrl(), NEXT_DIST_DIR: ".next-e2e" },
    stdio: "ignore",
    detached: true,
  });
  rmSync(PREFIX, { recursive: true, force: true });
  mkdirSync(PREFIX, { recursive: true });
  writeFileSync(`${PREFIX}/zuoquan-news.conf`, siteConfig([appPort, appPort + 1]));
  writeFileSync(`${PREFIX}/nginx.conf`, mainConfig());
  execFileSync(NGINX, ["-t", "-q", "-p", PREFIX, "-e", `${PREFIX}/error.log`, "-c", `${PREFIX}/nginx.conf`]);
  nginx = spawn(NGINX, ["-p", PREFIX, "-e", `${PREFIX}/error.log`, "-c", `${PREFIX}/nginx.conf`], {
    stdio: "inherit",
  });
  await untilListening(appPort + 1);
  await untilListening(PROXY_PORT);
});

test.afterAll(() => {
  nginx?.kill("SIGQUIT");
  if (second?.pid) process.kill(-second.pid, "SIGTERM");
});

test("readers reach every kind of page through the proxy", async ({ page }) => {
  await page.goto(`${PROXY}/`);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.getByRole("link", { name: "创新引领发展 打造行业标杆" }).first().click();
  await expect(page).toHaveURL(`${PROXY}/articles/jinyu-shuini-chuangxin`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("创新引领发展 打造行业标杆");

  await page.goto(`${PROXY}/search?q=${encodeURIComponent("乳胶")}`);
  await expect(page.getByRole("link", { name: /乳胶/ }).first()).toBeVisible();

  const tag = await page.goto(`${PROXY}/tags/乡村振兴`);
  expect(tag!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("乡村振兴");

  const missing = await page.goto(`${PROXY}/articles/no-such-story`);
  expect(missing!.status()).toBe(404);
});

test("compression passes through, static assets are cached, the refresh route is not exposed", async ({ request }) => {
  const home = await request.get(`${PROXY}/`, { headers: { "accept-encoding": "gzip" } });
  expect(home.headers()["content-encoding"]).toBe("gzip");
  const html = await home.text();
  const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)![0];
  const first = await request.get(`${PROXY}${asset}`);
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toContain("immutable");
  await expect(async () =>
    expect((await request.get(`${PROXY}${asset}`)).headers()["x-cache-status"]).toBe("HIT"),
  ).toPass({ timeout: 10_000 });
  expect((await request.post(`${PROXY}/api/revalidate`)).status()).toBe(404);
});

test("an ingest shows up through both app servers", async ({ page, request }) => {
  const issueYaml = readFileSync(`${ISSUE_DIR}/issue.yaml`, "utf8");
  const article = `${ISSUE_DIR}/fanxiang-daili.md`;
  const title = "反向代理后的两台服务器";
  const ingest = () =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts"], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CONTENT_DIR: CONTENT, SITE_URLS: "" },
      encoding: "utf8",
    });
  let served = "";
  try {
    // Both servers have the front page cached before the ingest.
    for (let i = 0; i < 4; i++) await page.goto(`${PROXY}/`);
    writeFileSync(article, `---\ntitle: ${title}\nsection: industry\nbylines: [测试记者]\n---\n\n经由 nginx 访问。\n`);
    writeFileSync(
      `${ISSUE_DIR}/issue.yaml`,
      issueYaml.replace(
        "      - rujiao-chanyeyuan-touchan\n",
        "      - rujiao-chanyeyuan-touchan\n      - fanxiang-daili\n",
      ),
    );
    expect(ingest()).toMatch(/refreshed the site at[\s\S]*refreshed the site at/);
    await expect(async () => {
      await page.goto(`${PROXY}/`);
      await expect(page.getByRole("link", { name: title }).first()).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    // With the browser gone (its link prefetches would interleave), consecutive requests alternate
    // between the two servers (round robin): every one shows the article.
    await page.close();
    await expect(async () => {
      const logStart = readFileSync(`${PREFIX}/access.log`, "utf8").length;
      for (let i = 0; i < 4; i++) expect(await (await request.get(`${PROXY}/`)).text()).toContain(title);
      served = readFileSync(`${PREFIX}/access.log`, "utf8").slice(logStart);
    }).toPass({ timeout: 15_000 });
    const upstreams = new Set([...served.matchAll(/^\/ 200 (\S+)$/gm)].map((m) => m[1]));
    expect(upstreams.size).toBe(2);
  } finally {
    rmSync(article, { force: true });
    writeFileSync(`${ISSUE_DIR}/issue.yaml`, issueYaml);
    ingest();
  }
});
