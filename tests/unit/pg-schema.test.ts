import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "@/lib/db/pg-schema";

describe("one data model for both providers", () => {
  it("keeps the committed PostgreSQL schema generated from the SQLite one (run npm run db:pg-schema)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("changes only the provider and the client's output folder", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8").split("\n");
    const postgres = readFileSync(POSTGRES_SCHEMA, "utf8").split("\n").slice(2);
    const differing = sqlite.filter((line, i) => line !== postgres[i]);
    expect(differing.map((l) => l.trim())).toEqual(['output          = "../lib/db/generated"', 'provider = "sqlite"']);
  });
});
