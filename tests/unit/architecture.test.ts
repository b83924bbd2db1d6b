import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The folders' one-way flow (README, "Where things live"): content → ingest → db/search → routes.

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes("generated"))
    .map((e) => path.join(e.parentPath, e.name));

/** The project paths a file imports, resolved from the project root ("lib/search/plan"). */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].flatMap(([, spec]) => {
    if (spec!.startsWith("@/")) return [spec!.slice(2)];
    if (spec!.startsWith(".")) return [path.join(path.dirname(file), spec!)];
    return [];
  });
}

const importsOf = (dir: string) => files(dir).flatMap((f) => imports(f).map((to) => ({ from: f, to })));

describe("architecture", () => {
  it("lib/content is pure: it imports no database, search or ingest code", () => {
    expect(importsOf("lib/content").filter(({ to }) => /^lib\/(db|search|ingest)\//.test(to))).toEqual([]);
  });

  it("lib/db imports neither search nor the ingest", () => {
    expect(importsOf("lib/db").filter(({ to }) => /^lib\/(search|ingest)\//.test(to))).toEqual([]);
  });

  it("lib/search never imports the ingest, and its readers never import its writers", () => {
    expect(importsOf("lib/search").filter(({ to }) => to.startsWith("lib/ingest/"))).toEqual([]);
    const readers = importsOf("lib/search").filter(({ from }) => !/\/(write|index)\.ts$/.test(from));
    expect(readers.filter(({ to }) => /\/write$/.test(to))).toEqual([]);
  });

  it("only lib/env.ts reads the environment in app/, components/, lib/ and scripts/", () => {
    const readers = ["app", "components", "lib", "scripts"]
      .flatMap(files)
      .filter((f) => f !== path.join("lib", "env.ts"))
      // Passing the environment on to a child process, or setting a variable, is not reading a setting.
      .filter((f) =>
        /process\.env(\.[A-Z_]+(?![A-Z_])|\[)(?!\s*\??=[^=])/.test(
          readFileSync(f, "utf8").replace(/env: \{ \.\.\.process\.env|env: process\.env/g, ""),
        ),
      );
    expect(readers).toEqual([]);
  });
});
