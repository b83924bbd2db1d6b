import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { Umzug, type UmzugStorage } from "umzug";
import { databaseProvider, databaseUrl, sqliteFilePath } from "./url";

// Committed SQL per provider: prisma/migrations (SQLite, applied by `prisma
// migrate deploy`) and prisma/postgresql/migrations (applied here with umzug:
// Prisma's WASM engine cannot migrate PostgreSQL through the adapter, bug 27403).
// Either way, a database whose migrations are ahead of the code is refused.

export const MIGRATION_DIRS = { sqlite: "prisma/migrations", postgresql: "prisma/postgresql/migrations" } as const;

/** Migration folder names under `dir`, in the order they apply. */
export function committedMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d/.test(d.name))
    .map((d) => d.name)
    .sort();
}

export class MigrationsAheadError extends Error {}

function refuseIfAhead(applied: string[], committed: string[], url: string) {
  const unknown = applied.filter((name) => !committed.includes(name));
  if (unknown.length) {
    throw new MigrationsAheadError(
      `The database at ${redact(url)} has migrations this code does not have: ${unknown.join(", ")}. ` +
        "It was migrated by a newer version of the portal; deploy that version (or a database of this version's).",
    );
  }
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

/** Brings the database in DATABASE_URL up to the committed migrations; returns the names applied now. */
export async function migrate(url = databaseUrl(), log: (line: string) => void = console.log): Promise<string[]> {
  return databaseProvider(url) === "postgresql" ? migratePostgres(url, log) : migrateSqlite(url, log);
}

function migrateSqlite(url: string, log: (line: string) => void): string[] {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // A deleted database's write-ahead log and shared memory belong to no database now; a new file
  // would take them for its own and read garbage (SQLITE_NOTADB).
  if (!existsSync(file)) for (const suffix of ["-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const committed = committedMigrations(MIGRATION_DIRS.sqlite);
  // WAL lets readers keep reading while an ingest writes; the setting lives in the file.
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get();
  const applied = hasTable
    ? (
        sqlite.prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL").all() as {
          name: string;
        }[]
      ).map((r) => r.name)
    : [];
  sqlite.close();
  refuseIfAhead(applied, committed, url);
  const pending = committed.filter((m) => !applied.includes(m));
  if (pending.length) {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  }
  log(`database ready: ${file}${pending.length ? ` (applied ${pending.join(", ")})` : ""}`);
  return pending;
}

async function migratePostgres(url: string, log: (line: string) => void): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time, across every app server starting against this database.
    await client.query("SELECT pg_advisory_lock(hashtext('portal-migrate'))");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_portal_migrations" ("name" TEXT PRIMARY KEY, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const storage: UmzugStorage = {
      async executed() {
        return (
          await client.query<{ name: string }>(`SELECT "name" FROM "_portal_migrations" ORDER BY "name"`)
        ).rows.map((r) => r.name);
      },
      async logMigration({ name }) {
        await client.query(`INSERT INTO "_portal_migrations" ("name") VALUES ($1)`, [name]);
      },
      async unlogMigration({ name }) {
        await client.query(`DELETE FROM "_portal_migrations" WHERE "name" = $1`, [name]);
      },
    };
    const committed = committedMigrations(MIGRATION_DIRS.postgresql);
    refuseIfAhead(await storage.executed({ context: {} }), committed, url);
    const umzug = new Umzug({
      migrations: committed.map((name) => ({
        name,
        // Each migration and its record commit together, or neither does.
        up: async () => {
          const sql = readFileSync(path.join(MIGRATION_DIRS.postgresql, name, "migration.sql"), "utf8");
          await client.query("BEGIN");
          try {
            await client.query(sql);
            await client.query("COMMIT");
          } catch (e) {
            await client.query("ROLLBACK");
            throw new Error(`migration ${name} failed: ${(e as Error).message}`);
          }
        },
      })),
      storage,
      logger: undefined,
    });
    const applied = await umzug.up();
    log(`database ready: ${redact(url)}${applied.length ? ` (applied ${applied.map((m) => m.name).join(", ")})` : ""}`);
    return applied.map((m) => m.name);
  } finally {
    await client.end();
  }
}
