// npm run publish:setup -- <path> [--branch <name>]: the repository editors publish to, on the server.
// A bare repository at <path>, cloned from this site's repository, whose hooks run this site's
// scripts/publish/: pre-receive checks the pushed content/ and refuses a push that fails,
// post-receive puts it in CONTENT_DIR and runs the ingest. Run again to update the hooks' settings.
import "./check-env";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../lib/env";

const USAGE = "usage: npm run publish:setup -- <path of the bare repository> [--branch <publish branch>]";

const git = (args: string[], cwd?: string) =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** What the hooks need: where the site is, which branch publishes, and the site's own settings. */
function hookSettings(siteDir: string, branch: string): string {
  const { DATABASE_URL, CONTENT_DIR, REVALIDATE_SECRET, SITE_URLS } = env();
  const settings: Record<string, string | undefined> = {
    SITE_DIR: siteDir,
    BRANCH: branch,
    NODE_DIR: path.dirname(process.execPath),
    DATABASE_URL,
    CONTENT_DIR,
    REVALIDATE_SECRET,
    SITE_URLS: SITE_URLS?.join(","),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const lines = Object.entries(settings).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${shellQuote(v)}`]));
  return `# Written by npm run publish:setup; run it again to change these.\n${lines.join("\n")}\n`;
}

const hookStub = (name: string) =>
  [
    "#!/usr/bin/env bash",
    "# Installed by npm run publish:setup: the work is done by the site's scripts/publish/.",
    'set -a; . "$(dirname "$0")/publish.env"; set +a',
    `exec bash "$SITE_DIR/scripts/publish/${name}.sh"`,
    "",
  ].join("\n");

/** Creates (or updates) the publish repository at `repo`; returns what was done, for the operator. */
export function setUpPublishing(repo: string, branch?: string, siteDir = process.cwd()): string[] {
  const site = git(["rev-parse", "--show-toplevel"], siteDir);
  const current = git(["rev-parse", "--abbrev-ref", "HEAD"], site);
  const publishBranch = branch ?? (current === "HEAD" ? "main" : current);
  const target = path.resolve(repo);
  const done: string[] = [];
  if (!existsSync(target)) {
    git(["clone", "--quiet", "--bare", "--no-hardlinks", site, target]);
    git(["remote", "remove", "origin"], target);
    done.push(`created the bare repository ${target} from ${site}`);
  } else if (git(["rev-parse", "--is-bare-repository"], target) !== "true") {
    throw new Error(`${target} exists and is not a bare git repository`);
  }
  try {
    git(["rev-parse", "--verify", "--quiet", `refs/heads/${publishBranch}`], target);
  } catch {
    // A new publish branch starts from the site's current commit.
    git(["fetch", "--quiet", site, `+HEAD:refs/heads/${publishBranch}`], target);
    done.push(`created its branch ${publishBranch} from ${site}'s current commit`);
  }
  // Editors' clones check out the publish branch.
  git(["symbolic-ref", "HEAD", `refs/heads/${publishBranch}`], target);
  const hooks = path.join(target, "hooks");
  writeFileSync(path.join(hooks, "publish.env"), hookSettings(site, publishBranch), { mode: 0o600 });
  chmodSync(path.join(hooks, "publish.env"), 0o600);
  for (const name of ["pre-receive", "post-receive"]) {
    writeFileSync(path.join(hooks, name), hookStub(name));
    chmodSync(path.join(hooks, name), 0o755);
  }
  done.push(`installed its hooks: a push to ${publishBranch} is checked, then published to ${site}`);
  return done;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { branch: { type: "string" } } });
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    for (const line of setUpPublishing(positionals[0]!, values.branch)) console.log(line);
    console.log(`editors: git clone ssh://<this server>${path.resolve(positionals[0]!)}, commit, git push`);
  } catch (e) {
    console.error(e instanceof Error && "stderr" in e ? String(e.stderr) || e.message : (e as Error).message);
    process.exit(1);
  }
}
