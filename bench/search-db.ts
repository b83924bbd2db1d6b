// The database bench/search.ts measures: a SQLite file or a PostgreSQL database per corpus size.
// Everything the bench does to the database directly (not through lib/) is here: creating it,
// settling it after the ingest, weighing the index, drawing queries from it, timing statements and
// explaining them. Nothing here opens lib/db/client.ts's shared client.
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { PLAIN_CONNECTION_OPTIONS } from "../lib/db/postgres";
import type { SearchDocument } from "../lib/search/document";
import { headlineVector, searchCodesOf } from "../lib/search/postgres/write";
import { searchRows } from "../lib/search/sqlite/write";
import { dropDatabase, pgAdmin, postgresUrlFor, PG_ADMIN_URL } from "../tests/helpers/database";
import { createSqliteFileAt } from "../tests/helpers/sqlite-file";
import * as pgTimer from "./pg-timer";
import * as sqliteTimer from "./sql-timer";
import type { Sink, Statement } from "./sql-timer";

export const DB_KINDS = ["sqlite", "postgresql"] as const;
export type DbKind = (typeof DB_KINDS)[number];
export const DB_LABELS: Record<DbKind, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

export interface IndexSize {
  /** Bytes per table or index: SQLite's dbstat pages; PostgreSQL's relations (ArticleSearch split into heap, TOAST and each index). */
  tables: Record<string, number>;
  /** All of the index: FTS5's shadow tables; or ArticleSearch (table + TOAST + GIN indexes), "Article"'s two search indexes and the two columns they read. */
  indexBytes: number;
  /** UTF-8 bytes of the headlines, subtitles, kickers and texts indexed. */
  textBytes: number;
  ratio: number;
  /** The SQLite file, or pg_database_size. */
  dbFileBytes: number;
}

export interface SampledArticle {
  id: number;
  title: string;
  text: string;
  section: string;
  issue: string;
  tags: string[];
}

/** Where the queries are drawn from: the database they run against. */
export interface CorpusSource {
  maxArticleId: number;
  authors: string[];
  article(id: number): Promise<SampledArticle | null>;
  text(slug: string): Promise<string>;
  close(): Promise<void>;
}

/** The top node of an EXPLAIN (ANALYZE, BUFFERS) plan. */
export interface PlanTop {
  node: string;
  actualMs: number;
  rows: number;
  sharedHitBlocks: number;
  sharedReadBlocks: number;
  planningMs: number;
  executionMs: number;
}

export interface Explained {
  lines: string[];
  top?: PlanTop;
}

export interface BenchDatabase {
  kind: DbKind;
  label: string;
  /** DATABASE_URL for lib/. */
  url: string;
  /** The file or database name, for messages. */
  where: string;
  /** Per-size results of the child process. */
  childResultFile: string;
  exists(): Promise<boolean>;
  /** A fresh, empty database with the committed migrations applied (the previous one removed). */
  create(): Promise<void>;
  /** After the ingest, before measuring: returns what it did, or null when nothing is needed. */
  settle(): Promise<string | null>;
  indexSize(): Promise<IndexSize>;
  source(): Promise<CorpusSource>;
  /** The plan of an index statement a search ran. */
  explain(s: Statement): Promise<Explained>;
  /** Whether explain() also executes and times the statement (PostgreSQL's EXPLAIN ANALYZE). */
  readonly analyzes: boolean;
  /** Tokenizes an article for the index as the ingest does (for the ingest profile's estimate). */
  tokenize(doc: SearchDocument): void;
  watchSql(sink: Sink): () => void;
  recordSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
}

export function benchDatabase(kind: DbKind, size: number, tmpDir: string): BenchDatabase {
  return kind === "postgresql" ? postgresDatabase(size, tmpDir) : sqliteDatabase(size, tmpDir);
}

/** The engine's version, for the result file. */
export async function engineVersion(kind: DbKind): Promise<string> {
  if (kind === "sqlite") {
    const sqlite = new Database(":memory:");
    const { v } = sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string };
    sqlite.close();
    return v;
  }
  // The buffer cache decides whether a search's index pages and story texts are read from memory.
  const sql =
    "SELECT current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') AS v";
  return (await withClient(PG_ADMIN_URL, (c) => c.query<{ v: string }>(sql))).rows[0]!.v;
}

// ---------------------------------------------------------------------------------------------
// SQLite

function sqliteDatabase(size: number, tmpDir: string): BenchDatabase {
  const file = path.resolve(tmpDir, `search-${size}.db`);
  return {
    kind: "sqlite",
    label: DB_LABELS.sqlite,
    url: `file:${file}`,
    where: file,
    childResultFile: path.resolve(tmpDir, `search-${size}.json`),
    analyzes: false,
    exists: async () => existsSync(file),
    async create() {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      createSqliteFileAt(file);
    },
    settle: async () => null,
    async indexSize() {
      const sqlite = new Database(file);
      // Fold the WAL into the file, so the file size is the database's and reads come from the file, as after any quiet period.
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
      const rows = sqlite
        .prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC")
        .all() as { name: string; bytes: number }[];
      const tables = Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
      const indexBytes = rows.filter((r) => r.name.startsWith("ArticleSearch")).reduce((n, r) => n + r.bytes, 0);
      const { textBytes } = sqlite
        .prepare(
          `SELECT SUM(length(CAST(title AS BLOB)) + IFNULL(length(CAST(subtitle AS BLOB)), 0) + IFNULL(length(CAST(kicker AS BLOB)), 0) + length(CAST(text AS BLOB))) AS textBytes FROM "Article"`,
        )
        .get() as { textBytes: number };
      sqlite.close();
      return { tables, indexBytes, textBytes, ratio: indexBytes / textBytes, dbFileBytes: statSync(file).size };
    },
    async source() {
      const sqlite = new Database(file, { readonly: true });
      const article = sqlite.prepare<[number], Omit<SampledArticle, "tags">>(
        `SELECT a.id, a.title, a.text, s.slug AS section, i.slug AS issue FROM "Article" a JOIN "Section" s ON s.id = a.sectionId JOIN "Issue" i ON i.id = a.issueId WHERE a.id = ?`,
      );
      const tags = sqlite.prepare<[number], { name: string }>(
        `SELECT t.name FROM "ArticleTag" x JOIN "Tag" t ON t.id = x.tagId WHERE x.articleId = ? ORDER BY x.position`,
      );
      const text = sqlite.prepare<[string], { text: string }>(`SELECT text FROM "Article" WHERE slug = ?`);
      return {
        maxArticleId: (sqlite.prepare(`SELECT max(id) AS n FROM "Article"`).get() as { n: number }).n,
        authors: (sqlite.prepare(`SELECT name FROM "Author" ORDER BY id`).all() as { name: string }[]).map(
          (a) => a.name,
        ),
        async article(id) {
          const row = article.get(id);
          return row ? { ...row, tags: tags.all(id).map((t) => t.name) } : null;
        },
        text: async (slug) => text.get(slug)!.text,
        close: async () => void sqlite.close(),
      };
    },
    async explain(s) {
      const sqlite = new Database(file, { readonly: true });
      try {
        const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[];
        return { lines: rows.map((r) => r.detail) };
      } finally {
        sqlite.close();
      }
    },
    tokenize(doc) {
      searchRows(doc);
    },
    watchSql: sqliteTimer.watchSql,
    recordSql: sqliteTimer.recordSql,
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, options?: string): Promise<T> {
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const int = (v: string | number | null) => Number(v ?? 0);

/** The top node of EXPLAIN (ANALYZE, BUFFERS)'s text: its first line, its buffers, and the totals at the end. */
function planTop(lines: string[]): PlanTop {
  const top = /^(.+?)\s+\(cost=[^)]*\)\s+\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+)/.exec(lines[0] ?? "");
  const buffers = lines.find((l) => /^\s*Buffers:/.test(l)) ?? "";
  const field = (re: RegExp) => Number(re.exec(lines.join("\n"))?.[1] ?? NaN);
  return {
    node: top?.[1]?.trim() ?? lines[0] ?? "",
    actualMs: Number(top?.[2] ?? NaN),
    rows: Number(top?.[3] ?? NaN),
    sharedHitBlocks: Number(/shared hit=(\d+)/.exec(buffers)?.[1] ?? 0),
    sharedReadBlocks: Number(/shared(?: hit=\d+)? read=(\d+)/.exec(buffers)?.[1] ?? 0),
    planningMs: field(/^Planning Time: ([\d.]+) ms$/m),
    executionMs: field(/^Execution Time: ([\d.]+) ms$/m),
  };
}

function postgresDatabase(size: number, tmpDir: string): BenchDatabase {
  const name = `portal_bench_${size}`;
  const url = postgresUrlFor(name);
  return {
    kind: "postgresql",
    label: DB_LABELS.postgresql,
    url,
    where: `database ${name}`,
    childResultFile: path.resolve(tmpDir, `search-postgresql-${size}.json`),
    analyzes: true,
    async exists() {
      const { rows } = await withClient(PG_ADMIN_URL, (c) =>
        c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]),
      );
      return rows.length > 0;
    },
    async create() {
      await dropDatabase(name);
      await pgAdmin(`CREATE DATABASE "${name}"`);
      await migrate(url, (line) => console.log(line));
    },
    async settle() {
      // ANALYZE gives the planner statistics. VACUUM does what autovacuum would do a minute after an
      // ingest (merge the GIN indexes' pending lists, set the visibility map); done now, it does not
      // happen in the middle of the measurements, on two cores.
      const start = performance.now();
      await withClient(url, (c) => c.query("VACUUM (ANALYZE)"));
      return `VACUUM (ANALYZE) in ${((performance.now() - start) / 1000).toFixed(1)} s`;
    },
    async indexSize() {
      return withClient(url, async (c) => {
        const search = `'"ArticleSearch"'::regclass`;
        const [total] = (
          await c.query<{ total: string; indexes: string; toast: string; heap: string }>(
            `SELECT pg_total_relation_size(oid) AS total, pg_indexes_size(oid) AS indexes,
                    CASE WHEN reltoastrelid = 0 THEN 0 ELSE pg_total_relation_size(reltoastrelid) END AS toast,
                    pg_relation_size(oid) AS heap
             FROM pg_class WHERE oid = ${search}`,
          )
        ).rows;
        const indexes = (
          await c.query<{ name: string; bytes: string }>(
            `SELECT indexrelid::regclass::text AS name, pg_total_relation_size(indexrelid) AS bytes FROM pg_index WHERE indrelid = ${search} ORDER BY bytes DESC`,
          )
        ).rows;
        const others = (
          await c.query<{ name: string; bytes: string }>(
            `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'ArticleSearch' ORDER BY bytes DESC`,
          )
        ).rows;
        const [{ textBytes }] = (
          await c.query<{ textBytes: string }>(
            `SELECT SUM(octet_length(title) + COALESCE(octet_length(subtitle), 0) + COALESCE(octet_length(kicker), 0) + octet_length(text)) AS "textBytes" FROM "Article"`,
          )
        ).rows as [{ textBytes: string }];
        // The body's part lives with "Article": its search indexes, and the two columns the index writes into its rows.
        const articleIndexes = (
          await c.query<{ name: string; bytes: string }>(
            `SELECT indexrelid::regclass::text AS name, pg_total_relation_size(indexrelid) AS bytes FROM pg_index
             WHERE indrelid = '"Article"'::regclass AND indexrelid::regclass::text IN ('"Article_searchTerms_idx"', '"Article_searchKey_idx"') ORDER BY bytes DESC`,
          )
        ).rows;
        const [{ columnBytes }] = (
          await c.query<{ columnBytes: string }>(
            `SELECT COALESCE(SUM(COALESCE(pg_column_size("searchCodes"), 0) + COALESCE(pg_column_size("searchKey"), 0)), 0) AS "columnBytes" FROM "Article"`,
          )
        ).rows as [{ columnBytes: string }];
        const [{ dbBytes }] = (
          await c.query<{ dbBytes: string }>(`SELECT pg_database_size(current_database()) AS "dbBytes"`)
        ).rows as [{ dbBytes: string }];
        const t = {
          total: int(total!.total),
          indexes: int(total!.indexes),
          toast: int(total!.toast),
          heap: int(total!.heap),
        };
        const tables: Record<string, number> = {
          "ArticleSearch heap (main fork)": t.heap,
          "ArticleSearch heap maps (FSM, VM)": t.total - t.indexes - t.toast - t.heap,
          "ArticleSearch TOAST (+ its index)": t.toast,
          ...Object.fromEntries(indexes.map((i) => [`${i.name.replaceAll('"', "")} (index)`, int(i.bytes)])),
          ...Object.fromEntries(articleIndexes.map((i) => [`${i.name.replaceAll('"', "")} (index)`, int(i.bytes)])),
          'Article "searchCodes" and "searchKey" (column values)': int(columnBytes),
          ...Object.fromEntries(others.map((o) => [`${o.name} (table + TOAST + indexes)`, int(o.bytes)])),
        };
        const indexBytes = t.total + articleIndexes.reduce((n, i) => n + int(i.bytes), 0) + int(columnBytes);
        return {
          tables,
          indexBytes,
          textBytes: int(textBytes),
          ratio: indexBytes / int(textBytes),
          dbFileBytes: int(dbBytes),
        };
      });
    },
    async source() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const [{ n }] = (await c.query<{ n: number }>(`SELECT max(id) AS n FROM "Article"`)).rows as [{ n: number }];
      const authors = (await c.query<{ name: string }>(`SELECT name FROM "Author" ORDER BY id`)).rows.map(
        (a) => a.name,
      );
      return {
        maxArticleId: n,
        authors,
        async article(id) {
          const [row] = (
            await c.query<Omit<SampledArticle, "tags">>(
              `SELECT a.id, a.title, a.text, s.slug AS section, i.slug AS issue FROM "Article" a JOIN "Section" s ON s.id = a."sectionId" JOIN "Issue" i ON i.id = a."issueId" WHERE a.id = $1`,
              [id],
            )
          ).rows;
          if (!row) return null;
          const tags = (
            await c.query<{ name: string }>(
              `SELECT t.name FROM "ArticleTag" x JOIN "Tag" t ON t.id = x."tagId" WHERE x."articleId" = $1 ORDER BY x.position`,
              [id],
            )
          ).rows;
          return { ...row, tags: tags.map((t) => t.name) };
        },
        text: async (slug) =>
          (await c.query<{ text: string }>(`SELECT text FROM "Article" WHERE slug = $1`, [slug])).rows[0]!.text,
        close: () => c.end(),
      };
    },
    async explain(s) {
      // The statement as Prisma sent it (untyped parameters, so the same custom plan), executed and timed.
      // With the settings of the search's own connections (lib/db/postgres.ts, plainPool), so the plan is theirs.
      const { rows } = await withClient(
        url,
        (c) => c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.args),
        PLAIN_CONNECTION_OPTIONS,
      );
      const lines = rows.map((r) => r["QUERY PLAN"]);
      return { lines, top: planTop(lines) };
    },
    tokenize(doc) {
      // What the ingest computes for PostgreSQL: the row's codes, then the headline index.
      searchCodesOf(doc);
      headlineVector(doc);
    },
    watchSql: pgTimer.watchSql,
    recordSql: pgTimer.recordSql,
  };
}
