import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

// Entry points validate every setting before they do anything (lib/env.ts, checkEnv).
describe("a bad setting stops the programs at once, naming it", () => {
  for (const [script, vars] of [
    ["scripts/serve.ts", { DATABASE_POOL_SIZE: "abc" }],
    ["scripts/ingest.ts", { PORT: "http" }],
    ["scripts/migrate.ts", { DATABASE_URL: "mysql://localhost/portal" }],
    ["scripts/start.ts", { SITE_ORIGIN: "www.zuoquan.example" }],
    ["scripts/serve.ts", { SITE_ORIGIN: "https://www.zuoquan.example/news" }],
    ["scripts/serve.ts", { SITE_INTERNAL_URL: "app1:3000" }],
  ] as const) {
    it(`${script} with ${Object.keys(vars).join(", ")}`, async () => {
      const name = Object.keys(vars)[0]!;
      const failed = run("npx", ["tsx", script], { env: { ...process.env, ...vars } });
      await expect(failed).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`Cannot start: invalid setting:\\n  ${name} .* — got "`)),
      });
    });
  }
});

describe("a production server without SITE_ORIGIN says so at start-up", () => {
  for (const script of ["scripts/start.ts", "scripts/serve.ts"]) {
    it(script, async () => {
      // No database and no build to serve: each stops soon after start-up, with the warning printed first.
      const vars = {
        SITE_ORIGIN: "",
        DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
        NEXT_DIST_DIR: "tests/.tmp/no-such-build",
      };
      const failed = run("npx", ["tsx", script], { env: { ...process.env, ...vars } });
      await expect(failed).rejects.toMatchObject({ code: 1 });
      const { stderr } = (await failed.catch((e: unknown) => e)) as { stderr: string };
      expect(stderr).toContain("SITE_ORIGIN is not set");
    });
  }
});
