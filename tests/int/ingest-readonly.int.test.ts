import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sqliteFilePath } from "@/lib/db/url";
import { runIngest } from "@/scripts/ingest";
import { pgAdmin, testProvider } from "../helpers/database";
import { scratchContent } from "../helpers/content-dir";

// A database that refuses writes gets the same kind of clear message as the ingest's other
// failures, not a stack trace, and nothing changes.
const url = () => process.env.DATABASE_URL!;
const databaseName = () => new URL(url()).pathname.slice(1);

/** Makes the test's database refuse writes: an immutable file (root ignores file modes), or a read-only PostgreSQL database. */
function readOnly(on: boolean) {
  if (testProvider() === "postgresql")
    return pgAdmin(`ALTER DATABASE "${databaseName()}" SET default_transaction_read_only = ${on ? "on" : "off"}`);
  execFileSync("chattr", [on ? "+i" : "-i", sqliteFilePath(url())]);
}

afterEach(async () => {
  await readOnly(false);
  vi.restoreAllMocks();
});

describe("a read-only database", () => {
  it("stops the ingest with a clear message and no stack trace", async () => {
    const tree = scratchContent("content");
    expect(await runIngest({ root: tree.root, notify: false })).not.toBeNull();
    const file = "issues/2022-12-20/wangge-yanguan-houai.md";
    tree.write(file, readFileSync(path.join(tree.root, file), "utf8") + "\n新增一段。\n");
    await readOnly(true);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runIngest({ root: tree.root, notify: false })).toBeNull();
    const printed = errors.mock.calls.flat().join("\n");
    expect(printed).toMatch(/^The database is read-only: it refused the write, and nothing was written\./);
    expect(printed).not.toMatch(/\n\s+at /);
  });
});
