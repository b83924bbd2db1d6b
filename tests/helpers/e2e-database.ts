import { rmSync } from "node:fs";
import path from "node:path";
import { dropDatabase, pgAdmin, postgresUrlFor } from "./database";

// The browser tests' database: SQLite by default, PostgreSQL with E2E_DATABASE=postgresql.
// Created fresh for each run and dropped by the global teardown.

export const e2eProvider = (): "sqlite" | "postgresql" =>
  process.env.E2E_DATABASE === "postgresql" ? "postgresql" : "sqlite";
// Overridable so two checkouts on one machine can run the browser suite side by side.
const PG_NAME = process.env.E2E_PG_NAME ?? "portal_e2e";
const SQLITE_FILE = "tests/.tmp/e2e.db";

/** The URL the e2e server and the tests' ingests use. */
export function e2eDatabaseUrl(): string {
  return e2eProvider() === "postgresql" ? postgresUrlFor(PG_NAME) : `file:./${SQLITE_FILE}`;
}

export async function createE2eDatabase(): Promise<string> {
  await dropE2eDatabase();
  if (e2eProvider() === "postgresql") await pgAdmin(`CREATE DATABASE "${PG_NAME}"`);
  return e2eDatabaseUrl();
}

export async function dropE2eDatabase() {
  if (e2eProvider() === "postgresql") await dropDatabase(PG_NAME);
  else for (const suffix of ["", "-wal", "-shm"]) rmSync(path.resolve(SQLITE_FILE + suffix), { force: true });
}
