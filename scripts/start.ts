// npm start: from a fresh clone to the production site in one command.
// Migrates the database, ingests content/, builds when the code changed since the last build, and serves.
import "./production-env";
import "./check-env";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SITE_ORIGIN, env, siteOriginWarning } from "../lib/env";
import { db } from "../lib/db/client";
import { pagesToRefresh, reportChanged } from "../lib/ingest/ingest";
import { PDF_RENDERER, pdfRendererAvailable } from "../lib/ingest/print-render";
import { notifySites } from "../lib/revalidation";
import { runIngest } from "./ingest";
import { migrate } from "./migrate";
import { serve } from "./serve";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const { NEXT_DIST_DIR: distDir, PORT: port, SITE_ORIGIN, SITE_PREVIEW } = env();
const nextBin = path.resolve("node_modules/next/dist/bin/next");

/** Everything a build depends on except content, which reaches pages through the database. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p) || p.includes(`${path.sep}generated`)) return;
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else hash.update(p).update(readFileSync(p));
  };
  BUILD_INPUTS.forEach(walk);
  // Prerendered pages carry absolute URLs (canonical, feeds) built from SITE_ORIGIN.
  hash.update(`SITE_ORIGIN=${SITE_ORIGIN ?? ""}`);
  // A preview's pages include drafts: never the public build's.
  hash.update(`SITE_PREVIEW=${SITE_PREVIEW}`);
  return hash.digest("hex");
}

function buildIfNeeded() {
  const stamp = path.join(distDir, "source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    console.log(`build in ${distDir} is current`);
    return;
  }
  console.log(`building the site into ${distDir} …`);
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, hash);
}

if (!pdfRendererAvailable())
  console.warn(
    `${PDF_RENDERER.command} is not installed: print pages given as PDFs cannot be rendered, and an issue with them ` +
      `will stop the ingest. Install Debian's ${PDF_RENDERER.debianPackage}: apt-get install ${PDF_RENDERER.debianPackage}`,
  );

const originWarning = siteOriginWarning();
if (originWarning) console.warn(originWarning);

try {
  await migrate();
} catch (e) {
  // Includes a database migrated by newer code: refuse to start rather than serve against it.
  console.error((e as Error).message);
  process.exit(1);
}
const report = await runIngest({ notify: false });
if (!report) process.exit(1);
buildIfNeeded();

// A preview (drafts) answers this machine only.
const { close } = await serve({ port, hostname: SITE_PREVIEW ? "127.0.0.1" : undefined });
console.log(SITE_PREVIEW ? `左权报 preview: http://127.0.0.1:${port}` : `左权报 is up: http://localhost:${port}`);
if (originWarning) console.warn(`(public links name ${DEFAULT_SITE_ORIGIN}: SITE_ORIGIN is not set)`);
// Pages cached by an earlier run may predate this ingest.
if (reportChanged(report)) await notifySites({ prisma: db, pages: pagesToRefresh(report) });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void close().then(() => process.exit(0)));
