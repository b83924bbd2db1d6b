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
