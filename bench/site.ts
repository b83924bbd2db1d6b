// What the benchmarks share (bench/pages.ts, bench/abuse.ts and others): a scratch database with the
// source issue, a production build in its own folder, and production servers started and stopped
// in their own process groups.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export const NEXT_BIN = "node_modules/next/dist/bin/next";

export interface BenchSite {
  /** The scratch SQLite file. */
  dbFile: string;
  /** Another database instead (bench:search's, SQLite or PostgreSQL). */
  databaseUrl?: string;
  /** Next's build folder. */
  distDir: string;
  /** Reuse an existing build. */
  noBuild: boolean;
  warn: (message: string) => void;
}

/** The environment of a bench's servers and scripts: the scratch database and build, the real content/. */
export function benchEnv(site: BenchSite): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: site.databaseUrl ?? `file:./${site.dbFile}`,
    NEXT_DIST_DIR: site.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // As npm start and the systemd unit run the server (README, Deployment).
    MALLOC_ARENA_MAX: "2",
  };
  // The measured slugs come from the real content/, whatever the shell points the ingest at.
  delete env.CONTENT_DIR;
  return env;
}

export const running = new Set<ChildProcess>();

/** Runs `fn` with console.log silenced: an ingest's per-article lines would bury the figures. */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

// Database and build

export function run(env: NodeJS.ProcessEnv, command: string, argv: string[]): void {
  console.log(`$ ${[command, ...argv].join(" ")}`);
  const result = spawnSync(command, argv, { stdio: "inherit", env });
  if (result.status !== 0)
    throw new Error(`${command} ${argv.join(" ")} failed (${result.signal ?? `exit ${result.status}`})`);
}

export function prepareDatabase(site: BenchSite): void {
  const env = benchEnv(site);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(site.dbFile + suffix, { force: true });
  run(env, "npx", ["tsx", "scripts/migrate.ts"]);
  run(env, "npx", ["tsx", "scripts/ingest.ts", "--no-notify"]);
}

export function build(site: BenchSite): void {
  if (site.noBuild && existsSync(`${site.distDir}/BUILD_ID`)) {
    console.log(`--no-build: reusing the build in ${site.distDir}`);
    return;
  }
  if (site.noBuild) console.log(`--no-build: no build in ${site.distDir} yet, building anyway`);
  const before = new Map(
    ["tsconfig.json", "next-env.d.ts"].map((f) => [f, existsSync(f) ? readFileSync(f, "utf8") : null]),
  );
  try {
    run(benchEnv(site), process.execPath, [NEXT_BIN, "build"]);
  } finally {
    undoBuildEdits(site, before);
  }
}

/**
 * `next build` adds its dist dir's type globs to tsconfig.json and points next-env.d.ts at them.
 * Undo exactly that, so a bench run leaves the tree as it found it; other edits are left alone.
 */
function undoBuildEdits(site: BenchSite, before: Map<string, string | null>): void {
  const tsconfig = before.get("tsconfig.json");
  const tsconfigNow = readFileSync("tsconfig.json", "utf8");
  if (tsconfig != null && tsconfigNow !== tsconfig) {
    if (sameIgnoringDistTypes(site.distDir, tsconfig, tsconfigNow)) writeFileSync("tsconfig.json", tsconfig);
    else site.warn("tsconfig.json changed during the build beyond Next's type globs; left as is");
  }
  const nextEnv = before.get("next-env.d.ts");
  if (nextEnv != null && existsSync("next-env.d.ts")) {
    const nextEnvNow = readFileSync("next-env.d.ts", "utf8");
    if (nextEnvNow !== nextEnv && nextEnvNow.includes(site.distDir)) writeFileSync("next-env.d.ts", nextEnv);
  }
}

function sameIgnoringDistTypes(distDir: string, before: string, after: string): boolean {
  try {
    const parsed = JSON.parse(after) as { include?: unknown };
    if (Array.isArray(parsed.include))
      parsed.include = parsed.include.filter((p) => !String(p).startsWith(`${distDir}/`));
    return JSON.stringify(parsed) === JSON.stringify(JSON.parse(before));
  } catch {
    return false; // not plain JSON (comments): do not guess
  }
}

export function startProcess(
  env: NodeJS.ProcessEnv,
  name: string,
  argv: string[],
  extraEnv: Record<string, string> = {},
): ChildProcess {
  // Its own process group, so stopping it also stops anything it spawned.
  const child = spawn(process.execPath, argv, {
    env: { ...env, ...extraEnv },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
  return child;
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killGroup(child, "SIGTERM");
  const force = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(force);
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function assertPortFree(port: number): Promise<void> {
  // Otherwise we would happily measure whatever else answers there.
  if (await canConnect(port)) throw new Error(`port ${port} is already in use; pick another with --port`);
}

export async function waitForPort(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before answering on port ${port}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer on port ${port} within 60 s`);
    await sleep(200);
  }
}

/**
 * Waits until the production server (scripts/serve.ts) has started whole. Its port answers before
 * its start-up refresh has dropped Next's page cache: a page measured in between is rendered again
 * under the load, once the refresh lands (the front page's p99 of 423–576 ms in four of six
 * bench:pages runs on 7 December, measured first).
 */
export async function waitForServer(port: number, child: ChildProcess, name: string): Promise<void> {
  let seen = "";
  let started = false;
  const onData = (chunk: Buffer | string) => {
    const text = seen + String(chunk);
    if (text.includes("serving on http")) started = true;
    // Only the unfinished last line is kept, for a line split between chunks.
    seen = text.slice(text.lastIndexOf("\n") + 1);
  };
  child.stdout?.on("data", onData);
  try {
    await waitForPort(port, child, name);
    const deadline = Date.now() + 60_000;
    while (!started) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited while starting`);
      if (Date.now() > deadline) throw new Error(`${name} did not finish starting within 60 s`);
      await sleep(100);
    }
  } finally {
    child.stdout?.off("data", onData);
  }
}
