// npm run bench:search [-- --db sqlite|postgresql --sizes 10000,100000 --queries 200 --reuse-db --http --no-build]
//
// How does full-text search (lib/search/search.ts) hold up as the archive grows? For each corpus
// size: a synthetic, deterministic corpus (bench/corpus.ts) is parsed and ingested into a scratch
// database, then searchArticles() is timed in-process for several kinds of query drawn from the
// corpus, the search index is weighed against the text it indexes, and planted phrases are searched
// for to check recall. Targets: p95 < 15 ms for every query kind at 100,000 articles on a quiet
// machine (so that it stays under 20 ms at a load of 1.5); index bytes ≤ indexed text bytes.
//
// searchArticles() uses the shared client of lib/db/client.ts, which reads DATABASE_URL when first
// imported; so each size runs in its own child process (one at a time: two cores), which sets
// DATABASE_URL before importing anything that opens the database.
//
// --db sqlite (the default) uses a file bench/.tmp/search-<size>.db; --db postgresql a database
// portal_bench_<size> on the local server (scripts/pg-setup.sh), dropped and re-created, migrated
// with lib/db/migrate.ts, and vacuumed and analyzed after the ingest. bench/search-db.ts has what
// differs; results go to bench/.tmp/search-result.json or search-result-postgresql.json.
//
// --reuse-db skips generating the database and measures search on the one a previous run left
// (the corpus is deterministic, so the planted phrases are where they were); the ingest
// figures are carried over from the run that built it. Useful to re-measure search when the machine
// is quiet: latency percentiles taken while something else runs are mostly that something else.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
// Only modules that never open the shared database client are imported here; the others are imported
// in the child after it has set DATABASE_URL.
import { renderMarkdown } from "../lib/content/markdown";
import { parseContent, type ContentSet } from "../lib/content/parse";
import { countCharacters, excerpt } from "../lib/content/text";
import type { SearchParams } from "../lib/search/params";
import { parseQuery } from "../lib/search/query";
import { markAll, snippet } from "../lib/search/snippet";
import type { SearchResponse } from "../lib/search/search";
import { buildCorpus, NO_MATCH_CHARS, Random, type PlantedPhrase } from "./corpus";
import {
  benchDatabase,
  DB_KINDS,
  DB_LABELS,
  engineVersion,
  type BenchDatabase,
  type CorpusSource,
  type DbKind,
  type IndexSize,
  type PlanTop,
  type SampledArticle,
} from "./search-db";
import { searchOverHttp, type HttpResult } from "./search-http";
import type { Statement } from "./sql-timer";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    sizes: { type: "string", default: "10000,100000" },
    queries: { type: "string", default: "200" },
    "reuse-db": { type: "boolean", default: false },
    /** Searches over HTTP against the production server (bench/search-http.ts) instead of in-process. */
    http: { type: "boolean", default: false },
    /** --http: reuse the build in .next-bench. */
    "no-build": { type: "boolean", default: false },
    child: { type: "boolean", default: false },
    size: { type: "string" },
  },
});

const TMP_DIR = "bench/.tmp";
const DB_KIND = dbKind(args.db);
const RESULT_FILE = `${TMP_DIR}/search-result${DB_KIND === "sqlite" ? "" : `-${DB_KIND}`}.json`;
/** On a quiet machine: the issue's margin for searches that share the CPU with rendering. */
const TARGET_P95_MS = 15;
const TARGET_SIZE = 100_000;
const WARMUP_PER_KIND = 5;
/** Searches per kind re-run with per-statement timing, to show where the time goes. */
const BREAKDOWN_PER_KIND = 50;
/** Articles whose Markdown is re-rendered and re-tokenized to estimate those shares of the ingest. */
const PROFILE_SAMPLE = 1000;

const databaseFor = (size: number) => benchDatabase(DB_KIND, size, TMP_DIR);

function dbKind(value: string): DbKind {
  if (!(DB_KINDS as readonly string[]).includes(value))
    throw new Error(`--db must be one of ${DB_KINDS.join(", ")}, got "${value}"`);
  return value as DbKind;
}

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

const KINDS = [
  "1-char",
  "2-char",
  "4-char",
  "multi-term",
  "byline-only",
  "filtered:section+dates",
  "filtered:tag",
  "no-match",
] as const;
type Kind = (typeof KINDS)[number];

interface Breakdown {
  searches: number;
  /** Means per search, ms. */
  wall: number;
  lookups: number;
  /** Statements on the search index (candidates, checked in SQL against the stored text). */
  index: number;
  /** Statements between the index's: texts fetched to confirm phrases in normalized form (lib/search/verify.ts). */
  confirm: number;
  results: number;
  outsideSql: number;
  /** Of outsideSql: parsing the query and marking the page's headlines and snippets (replayed, see breakdown()). */
  marking: number;
  /** p95 of a search's summed index statements. */
  indexP95: number;
  statements: number;
}

interface KindResult {
  kind: Kind;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Mean of the totals searchArticles reported (it stops counting at COUNT_LIMIT). */
  avgTotal: number;
  /** Searches whose total was capped, i.e. more matches than searchArticles counts. */
  capped: number;
  /** Searches that found nothing (expected only for no-match). */
  empty: number;
  example: SearchParams;
  /** The query whose time was the p95: what a slow search of this kind looks like. */
  p95Example?: SearchParams;
  breakdown?: Breakdown;
}

type RecallProblem = PlantedPhrase & { total: number; note: string };

interface CodeVersion {
  commit: string;
  /** Git tree ids of lib/, prisma/ and content/ at that commit: commits elsewhere do not change them. */
  trees: string;
  /** Uncommitted changes under the directories the measured code comes from. */
  changed: string[];
}

interface SizeResult {
  /** --http: the searches sent to the production server. */
  http?: HttpResult;
  size: number;
  date?: string;
  issues?: number;
  generateMs?: number;
  parseMs?: number;
  ingestMs?: number;
  /** Set when --reuse-db carried the ingest figures over from the run that built the database. */
  ingestMeasuredBy?: { date: string; code: string };
  /** parse + ingest, wall clock. */
  parseAndIngestMs?: number;
  ingestProfile?: { part: string; ms: number; statements?: number }[];
  /** What was done to the database after the ingest, before measuring (PostgreSQL: VACUUM (ANALYZE)). */
  settled?: string;
  /** The code measured: lib/ changes under a running bench when someone works on it. */
  code?: { before: CodeVersion; after: CodeVersion };
  /** 1-minute load average before and after the searches: another busy process makes the tail slower. */
  loadAverage?: { before: number; after: number };
  peakRssMB?: number;
  index?: IndexSize;
  kinds?: KindResult[];
  /** `problems`: phrases not found, found only past page 1, or found with other results or in the wrong tier. */
  recall?: { planted: number; found: number; onFirstPage: number; problems: RecallProblem[] };
  /** Plans of index statements, by "kind: SQL -- args": SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN (ANALYZE, BUFFERS). */
  explain?: Record<string, string[]>;
  /** PostgreSQL: the top node of each plan in `explain`, with its actual time and buffers. */
  planTops?: Record<string, PlanTop>;
  error?: string;
}

const DB_SIZE_LABEL: Record<DbKind, string> = { sqlite: "DB file", postgresql: "database (pg_database_size)" };
/** The index's parts, largest first: FTS5's shadow tables, or PostgreSQL's ArticleSearch (heap, TOAST, indexes) and "Article"'s search indexes and columns. */
const searchParts = (index: IndexSize) =>
  Object.entries(index.tables)
    .filter(([name, bytes]) => /^(ArticleSearch|Article_search|Article "search)/.test(name) && bytes > 0)
    .sort((a, b) => b[1] - a[1]);

const ms = (x: number) => x.toFixed(2);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;
const thousands = (n: number) => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Parent: one child per size, one at a time, then the summary

async function parent(sizes: number[], queries: number): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  if (DB_KIND === "postgresql" && spawnSync("bash", ["scripts/pg-setup.sh"], { stdio: "inherit" }).status !== 0)
    throw new Error("scripts/pg-setup.sh failed");
  const results: SizeResult[] = [];
  let crashed = false;
  for (const size of sizes) {
    const db = databaseFor(size);
    // A reused database keeps the figures of the run that built it.
    if (!args["reuse-db"]) rmSync(db.childResultFile, { force: true });
    console.log(`\n=== ${thousands(size)} articles (${db.label}) ===`);
    const run = spawnSync(
      process.execPath,
      // The 100k corpus, its parsed form and Prisma's work sit in memory together: allow a larger heap.
      [
        "--max-old-space-size=8192",
        "--import",
        "tsx",
        "bench/search.ts",
        "--child",
        "--db",
        DB_KIND,
        "--size",
        String(size),
        "--queries",
        String(queries),
        ...(args["reuse-db"] ? ["--reuse-db"] : []),
        ...(args.http ? ["--http"] : []),
        ...(args["no-build"] ? ["--no-build"] : []),
      ],
      { stdio: "inherit", env: { ...process.env, DATABASE_URL: db.url } },
    );
    const result: SizeResult = existsSync(db.childResultFile)
      ? (JSON.parse(readFileSync(db.childResultFile, "utf8")) as SizeResult)
      : { size };
    if (run.status !== 0) {
      crashed = true;
      result.error ??= `child process failed (${run.signal ?? `exit ${run.status}`})`;
    }
    results.push(result);
  }
  const engine = await engineVersion(DB_KIND);
  printSummary(results, engine);
  writeFileSync(
    RESULT_FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        [DB_KIND]: engine,
        queriesPerKind: queries,
        targets: { p95Ms: TARGET_P95_MS, atSize: TARGET_SIZE, indexBytesAtMostTextBytes: true },
        sizes: results,
      },
      null,
      2,
    ),
  );
  console.log(`\nwritten: ${RESULT_FILE}`);
  process.exitCode = crashed ? 1 : 0;
}

function printSummary(results: SizeResult[], engine: string): void {
  console.log(`\n=== bench:search summary (${DB_LABELS[DB_KIND]} ${engine}) ===`);
  for (const r of results) {
    console.log(`\n--- ${thousands(r.size)} articles${r.issues ? ` in ${thousands(r.issues)} issues` : ""} ---`);
    if (r.error) console.log(`!!! CRASHED: ${r.error}`);
    if (r.code)
      console.log(
        `code: ${describeCode(r.code.before)}${sameCode(r.code) ? "" : ` — !!! lib/, prisma/ or content/ CHANGED during the run, now ${describeCode(r.code.after)}`}`,
      );
    if (r.loadAverage)
      console.log(
        `load average (1 min) before/after the searches: ${r.loadAverage.before.toFixed(2)} / ${r.loadAverage.after.toFixed(2)} (2 cores; above ~1.2 something else was running)`,
      );
    if (r.ingestMeasuredBy)
      console.log(
        `(ingest figures and peak RSS from the run that built the database: ${r.ingestMeasuredBy.date}, code ${r.ingestMeasuredBy.code})`,
      );
    if (r.parseAndIngestMs !== undefined) {
      console.log(
        `ingest: parse ${seconds(r.parseMs!)} + ingest ${seconds(r.ingestMs!)} = ${seconds(r.parseAndIngestMs)} (corpus generated in ${seconds(r.generateMs!)}); peak RSS ${r.peakRssMB} MB`,
      );
    }
    if (r.index) {
      const verdict = r.index.indexBytes <= r.index.textBytes ? "PASS" : "MISS";
      console.log(
        `index: ${mb(r.index.indexBytes)} vs indexed text ${mb(r.index.textBytes)}, ratio ${r.index.ratio.toFixed(2)}  ${verdict} (index ≤ text); ${DB_SIZE_LABEL[DB_KIND]} ${mb(r.index.dbFileBytes)}`,
      );
      console.log(
        `  of which: ${searchParts(r.index)
          .map(([name, bytes]) => `${name} ${mb(bytes)}`)
          .join(", ")}`,
      );
    }
    if (r.recall) {
      const ok = r.recall.found === r.recall.planted;
      console.log(
        `${ok ? "" : "!!! "}recall: ${r.recall.found}/${r.recall.planted} planted phrases found (${r.recall.onFirstPage} on page 1)`,
      );
      for (const p of r.recall.problems) console.log(`  ! ${p.phrase} (${p.where} of ${p.slug}): ${p.note}`);
    }
    if (r.kinds) {
      const applies = r.size >= TARGET_SIZE;
      console.log(
        `${"kind".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"avg total".padStart(10)} ${"capped".padStart(7)}  p95 < ${TARGET_P95_MS} ms${applies ? "" : " (target is for 100k; shown for reference)"}`,
      );
      for (const k of r.kinds) {
        const verdict = k.p95 < TARGET_P95_MS ? "PASS" : "MISS";
        const capped = `${Math.round((100 * k.capped) / k.queries)}%`;
        console.log(
          `${k.kind.padEnd(24)} ${ms(k.p50).padStart(8)} ${ms(k.p95).padStart(8)} ${ms(k.p99).padStart(8)} ${k.avgTotal.toFixed(1).padStart(10)} ${capped.padStart(7)}  ${applies ? verdict : `(${verdict})`}`,
        );
      }
    }
  }

  console.log("\ntargets:");
  const big = results.find((r) => r.size === TARGET_SIZE && r.kinds);
  if (!big)
    console.log(`  p95 < ${TARGET_P95_MS} ms for every kind at ${thousands(TARGET_SIZE)}: not measured in this run`);
  else {
    const misses = big.kinds!.filter((k) => k.p95 >= TARGET_P95_MS);
    console.log(
      `  p95 < ${TARGET_P95_MS} ms for every kind at ${thousands(TARGET_SIZE)}: ${misses.length ? `MISS (${misses.map((k) => `${k.kind} ${ms(k.p95)} ms`).join(", ")})` : "PASS"}`,
    );
  }
  for (const r of results.filter((r) => r.index)) {
    console.log(
      `  index bytes ≤ text bytes at ${thousands(r.size)}: ${r.index!.indexBytes <= r.index!.textBytes ? "PASS" : "MISS"} (ratio ${r.index!.ratio.toFixed(2)})`,
    );
  }
  for (const r of results.filter((r) => r.recall)) {
    const ok = r.recall!.found === r.recall!.planted;
    console.log(
      `  ${ok ? "" : "!!! "}recall at ${thousands(r.size)}: ${r.recall!.found}/${r.recall!.planted}${ok ? "" : " — RECALL FAILURE"}`,
    );
  }
  for (const r of results.filter((r) => r.error)) console.log(`  !!! ${thousands(r.size)}: CRASHED — ${r.error}`);
}

// ---------------------------------------------------------------------------------------------
// Child: one corpus size

async function child(size: number, queries: number): Promise<void> {
  const database = databaseFor(size);
  // Before any import of lib/db/client.ts, whose shared client reads it once.
  process.env.DATABASE_URL = database.url;
  const result: SizeResult = { size, date: new Date().toISOString() };
  const save = () => writeFileSync(database.childResultFile, JSON.stringify(result, null, 2));
  const rss = rssSampler();
  const before = codeVersion();
  console.log(`code: ${describeCode(before)}`);
  try {
    const planted =
      args["reuse-db"] && (await database.exists()) ? reuse(database, result) : await ingest(database, result);
    result.index = await database.indexSize();
    printIndex(database, result.index);

    const { searchArticles } = await import("../lib/search/search");
    const sampler = new CorpusSampler(await database.source(), new Random(size));
    if (args.http) {
      const perKind = Math.ceil(queries / KINDS.length);
      const drawn: SearchParams[] = [];
      const noMatch = new Set<string>();
      for (const kind of KINDS) drawn.push(...(await drawMany(kind, perKind, sampler, noMatch)));
      result.http = await searchOverHttp(database.url, drawn.slice(0, queries), TMP_DIR, args["no-build"]);
      await sampler.close();
      return;
    }
    const loadBefore = os.loadavg()[0]!;
    result.kinds = await latency(database, searchArticles, sampler, queries);
    result.loadAverage = { before: loadBefore, after: os.loadavg()[0]! };
    result.recall = await recall(searchArticles, planted);
    Object.assign(result, await explain(database, searchArticles, result.kinds));
    await sampler.close();
    const { db } = await import("../lib/db/client");
    await db.$disconnect();
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
    console.error(`!!! ${thousands(size)} articles:`, e);
    process.exitCode = 1;
  } finally {
    // The peak that matters is the ingest's; a reused database keeps the one measured when it was built.
    const peak = rss.stop();
    if (!result.ingestMeasuredBy) result.peakRssMB = peak;
    result.code = { before, after: codeVersion() };
    save();
  }
}

/** Peak resident memory: the kernel's own high-water mark, and a sampled one in case it is unavailable. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100).unref();
  return {
    stop(): number {
      clearInterval(timer);
      return Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1048576);
    },
  };
}

function codeVersion(): CodeVersion {
  const git = (...argv: string[]) => spawnSync("git", argv, { encoding: "utf8" }).stdout ?? "";
  // Porcelain lines are "XY path": the status columns may be blank, so cut at a fixed offset, never trim.
  const changed = git("status", "--porcelain", "--", "lib", "prisma", "content")
    .split("\n")
    .filter(Boolean)
    .map((l) => l.slice(3));
  return {
    commit: git("rev-parse", "--short", "HEAD").trim() || "unknown",
    trees: git("rev-parse", "HEAD:lib", "HEAD:prisma", "HEAD:content").trim(),
    changed,
  };
}

const describeCode = (c: CodeVersion) =>
  `${c.commit}${c.changed.length ? ` + uncommitted changes in ${c.changed.join(", ")}` : ""}`;
const sameCode = ({ before, after }: { before: CodeVersion; after: CodeVersion }) =>
  before.trees === after.trees && before.changed.join() === after.changed.join();

async function ingest(database: BenchDatabase, result: SizeResult): Promise<PlantedPhrase[]> {
  const size = result.size;
  // Modules that open or may open the shared database client are imported only now, after DATABASE_URL is set.
  const { createPrismaClient } = await import("../lib/db/client");
  const { ingestContent } = await import("../lib/ingest/ingest");
  await database.create();

  let start = performance.now();
  const corpus = buildCorpus({ articles: size });
  result.generateMs = performance.now() - start;
  result.issues = corpus.issues;
  console.log(
    `corpus: ${thousands(corpus.articles)} articles in ${thousands(corpus.issues)} issues, ${corpus.bylines} bylines, ${corpus.tags} tags, ` +
      `${thousands(corpus.bodyChars)} body characters, ${corpus.planted.length} planted phrases; generated in ${seconds(result.generateMs)}`,
  );

  // Database time per statement kind during the ingest, to tell Prisma's writes from the index's.
  const sql = new Map<string, { ms: number; statements: number }>();
  const stopSql = database.watchSql((phase, text, t) => {
    const part = sql.get(statementKind(text)) ?? { ms: 0, statements: 0 };
    part.ms += t;
    if (phase === "execute") part.statements++;
    sql.set(statementKind(text), part);
  });
  start = performance.now();
  let content: ContentSet | null = parseContent(corpus.files);
  result.parseMs = performance.now() - start;
  corpus.files = []; // the text now lives in `content`
  console.log(`parsed in ${seconds(result.parseMs)}; ingesting…`);
  const prisma = createPrismaClient();
  try {
    start = performance.now();
    const report = await ingestContent(prisma, content);
    result.ingestMs = performance.now() - start;
    if (report.added.length !== size) throw new Error(`ingest added ${report.added.length} articles, expected ${size}`);
  } finally {
    stopSql();
    await prisma.$disconnect();
  }
  result.parseAndIngestMs = result.parseMs + result.ingestMs;
  console.log(`ingested in ${seconds(result.ingestMs)} (parse + ingest ${seconds(result.parseAndIngestMs)})`);

  result.ingestProfile = ingestProfile(database, content, result.ingestMs, sql);
  content = null;
  const settled = await database.settle();
  if (settled) {
    result.settled = settled;
    console.log(`after the ingest (not counted in it): ${settled}`);
  }
  return corpus.planted;
}

/** The planted phrases of the database a previous run built; the corpus is regenerated, not ingested. */
function reuse(database: BenchDatabase, result: SizeResult): PlantedPhrase[] {
  const built: SizeResult | null = existsSync(database.childResultFile)
    ? (JSON.parse(readFileSync(database.childResultFile, "utf8")) as SizeResult)
    : null;
  if (built?.parseAndIngestMs !== undefined) {
    const { issues, generateMs, parseMs, ingestMs, parseAndIngestMs, ingestProfile, settled, peakRssMB } = built;
    Object.assign(result, {
      issues,
      generateMs,
      parseMs,
      ingestMs,
      parseAndIngestMs,
      ingestProfile,
      settled,
      peakRssMB,
    });
    result.ingestMeasuredBy = built.ingestMeasuredBy ?? {
      date: built.date ?? "unknown",
      code: built.code ? describeCode(built.code.before) : "unknown",
    };
  }
  console.log(
    `--reuse-db: measuring ${database.where} as a previous run left it; ` +
      (result.ingestMeasuredBy
        ? `ingest figures from the run that built it (${result.ingestMeasuredBy.date}, code ${result.ingestMeasuredBy.code})`
        : "no ingest figures"),
  );
  return buildCorpus({ articles: result.size }).planted;
}

/** "INSERT Article", "SELECT Tag", "BEGIN": what a statement does to which table. */
const kindCache = new Map<string, string>();
function statementKind(sql: string): string {
  let kind = kindCache.get(sql);
  if (!kind) {
    const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
    const table = /\b(?:INTO|FROM|UPDATE)\s+[`"]?(?:(?:main|public)[`"]?\.[`"]?)?(\w+)/i.exec(sql)?.[1];
    kind = table ? `${verb} ${table}` : verb;
    kindCache.set(sql, kind);
  }
  return kind;
}

/**
 * Where the ingest's time went: the database per statement kind (measured during the ingest; on
 * PostgreSQL by the client, round trip included), Markdown rendering and index tokenization
 * (re-done for a sample afterwards and scaled up), and the rest (Prisma's client: query building,
 * result mapping, and the ingest's own JS).
 */
function ingestProfile(
  database: BenchDatabase,
  content: ContentSet,
  ingestMs: number,
  sql: Map<string, { ms: number; statements: number }>,
) {
  const step = Math.max(1, Math.floor(content.articles.length / PROFILE_SAMPLE));
  const sample = content.articles.filter((_, i) => i % step === 0);
  let renderMs = 0;
  let tokenizeMs = 0;
  for (const a of sample) {
    let t = performance.now();
    const rendered = renderMarkdown(a.body);
    countCharacters(rendered.text);
    excerpt(rendered.text);
    renderMs += performance.now() - t;
    t = performance.now();
    const fm = a.frontmatter;
    database.tokenize({
      id: 1,
      publishedAt: new Date(),
      title: fm.title,
      subtitle: fm.subtitle ?? null,
      kicker: fm.kicker ?? null,
      text: rendered.text,
      sectionId: 1,
      columnId: null,
      issueId: 1,
      authorIds: [1],
      tagIds: [1, 2],
    });
    tokenizeMs += performance.now() - t;
  }
  const scale = content.articles.length / sample.length;
  const parts: { part: string; ms: number; statements?: number }[] = [
    { part: "render Markdown + text measures (est.)", ms: renderMs * scale },
    { part: "tokenize for the index (est.)", ms: tokenizeMs * scale },
    ...[...sql]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([kind, v]) => ({ part: `${database.label} ${kind}`, ms: v.ms, statements: v.statements })),
  ];
  const accounted = parts.reduce((n, p) => n + p.ms, 0);
  parts.push({ part: "rest: Prisma client, ingest JS, GC", ms: ingestMs - accounted });
  console.log(
    `ingest profile (${database.label} measured per statement; render/tokenize from ${sample.length} re-done articles, scaled):`,
  );
  for (const p of parts) {
    const share = ((100 * p.ms) / ingestMs).toFixed(1).padStart(5);
    console.log(
      `  ${p.part.padEnd(58)} ${seconds(p.ms).padStart(9)} ${share}%${p.statements ? `  ${thousands(p.statements)} statements` : ""}`,
    );
  }
  return parts;
}

function printIndex(database: BenchDatabase, index: IndexSize): void {
  const how = database.kind === "sqlite" ? "dbstat" : "pg_total_relation_size: table + TOAST + indexes";
  console.log(
    `index size (${how}): the search index ${mb(index.indexBytes)} = ${index.ratio.toFixed(2)} × the ${mb(index.textBytes)} of UTF-8 text it indexes; ${DB_SIZE_LABEL[database.kind]} ${mb(index.dbFileBytes)}`,
  );
  for (const [name, bytes] of Object.entries(index.tables).filter(([, b]) => b > 1048576))
    console.log(`  ${name.padEnd(40)} ${mb(bytes).padStart(10)}`);
}

// ---------------------------------------------------------------------------------------------
// Queries drawn from the ingested corpus

const WORD_CHAR = /^[\p{L}\p{N}]+$/u;

/** Draws articles, authors and windows of text from the database the searches run against. */
class CorpusSampler {
  constructor(
    readonly source: CorpusSource,
    readonly r: Random,
  ) {}

  async article(): Promise<SampledArticle> {
    for (;;) {
      const row = await this.source.article(this.r.int(1, this.source.maxArticleId));
      if (row) return row;
    }
  }

  author(): string {
    return this.r.pick(this.source.authors);
  }

  text(slug: string): Promise<string> {
    return this.source.text(slug);
  }

  /** `length` consecutive letters or digits of `text` (no punctuation inside, so the query is one term). */
  window(text: string, length: number): string | null {
    const chars = [...text];
    for (let attempt = 0; attempt < 100; attempt++) {
      const at = this.r.int(0, Math.max(0, chars.length - length));
      const w = chars.slice(at, at + length).join("");
      if ([...w].length === length && WORD_CHAR.test(w)) return w;
    }
    return null;
  }

  close(): Promise<void> {
    return this.source.close();
  }
}

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One query of `kind`, drawn from the corpus; null when this draw did not fit (the caller draws again). */
async function draw(kind: Kind, s: CorpusSampler, noMatch: Set<string>): Promise<SearchParams | null> {
  const r = s.r;
  switch (kind) {
    case "1-char": {
      const a = await s.article();
      return { q: s.window(a.title, 1) ?? undefined, page: 1 };
    }
    case "2-char":
      return { q: s.window((await s.article()).text, 2) ?? undefined, page: 1 };
    case "4-char":
      return { q: s.window((await s.article()).text, 4) ?? undefined, page: 1 };
    case "multi-term": {
      const a = await s.article();
      const terms = Array.from({ length: r.int(2, 3) }, () => s.window(a.text, r.int(2, 4)));
      if (terms.some((t) => t === null) || new Set(terms).size < terms.length) return null;
      return { q: terms.join(" "), page: 1 };
    }
    case "byline-only":
      return { author: s.author(), page: 1 };
    case "filtered:section+dates": {
      const a = await s.article();
      const span = r.int(30, 365);
      const from = Date.parse(`${a.issue}T00:00:00Z`) - r.int(0, span) * DAY;
      return {
        q: s.window(a.text, r.int(2, 4)) ?? undefined,
        section: a.section,
        from: isoDay(from),
        to: isoDay(from + span * DAY),
        page: 1,
      };
    }
    case "filtered:tag": {
      const a = await s.article();
      if (a.tags.length === 0) return null;
      return { q: s.window(a.text, r.int(2, 4)) ?? undefined, tag: r.pick(a.tags), page: 1 };
    }
    case "no-match": {
      // Characters that occur nowhere in the corpus (checked when it was built); a new combination each time.
      const q = Array.from({ length: r.int(2, 4) }, () => r.pick(NO_MATCH_CHARS)).join("");
      if (noMatch.has(q)) return null;
      noMatch.add(q);
      return { q, page: 1 };
    }
  }
}

async function drawMany(kind: Kind, count: number, s: CorpusSampler, noMatch: Set<string>): Promise<SearchParams[]> {
  const out: SearchParams[] = [];
  while (out.length < count) {
    const p = await draw(kind, s, noMatch);
    if (p && (kind === "byline-only" || p.q)) out.push(p);
  }
  return out;
}

type Search = (p: SearchParams) => Promise<SearchResponse>;

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function latency(
  database: BenchDatabase,
  search: Search,
  sampler: CorpusSampler,
  queries: number,
): Promise<KindResult[]> {
  const noMatch = new Set<string>();
  // One kind after the other, in this order: the draws are the same on every run and database.
  const plans: { kind: Kind; warmup: SearchParams[]; measured: SearchParams[] }[] = [];
  for (const kind of KINDS)
    plans.push({
      kind,
      warmup: await drawMany(kind, WARMUP_PER_KIND, sampler, noMatch),
      measured: await drawMany(kind, queries, sampler, noMatch),
    });
  // Warm up every path (module init, OpenCC, Prisma's query plans, the database's page cache) before timing any.
  for (const plan of plans) for (const p of plan.warmup) await search(p);

  // Round-robin over the kinds, so that a burst of load from another process slows all kinds alike.
  const runs = plans.map(() => ({ times: [] as number[], totals: 0, capped: 0, empty: 0 }));
  for (let i = 0; i < queries; i++) {
    for (const [k, plan] of plans.entries()) {
      const run = runs[k]!;
      const start = performance.now();
      const response = await search(plan.measured[i]!);
      run.times.push(performance.now() - start);
      run.totals += response.total;
      if (!response.totalIsExact) run.capped++;
      if (response.total === 0) run.empty++;
    }
  }
  const results: KindResult[] = [];
  for (const [k, { kind, measured }] of plans.entries()) {
    const { times, totals, capped, empty } = runs[k]!;
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    results.push({
      kind,
      queries: measured.length,
      p50: percentile(sorted, 50),
      p95,
      p99: percentile(sorted, 99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      max: sorted.at(-1)!,
      avgTotal: totals / measured.length,
      capped,
      empty,
      example: measured[0]!,
      p95Example: measured[times.indexOf(p95)]!,
    });
    if (kind === "no-match" && empty !== measured.length)
      console.log(`!!! no-match: ${measured.length - empty} of ${measured.length} queries found something`);
  }
  printLatency(results);

  // Again for a subset, with each SQL statement timed: the database's share against Prisma's and ours.
  for (const [i, { measured }] of plans.entries())
    results[i]!.breakdown = await breakdown(database, search, measured.slice(0, BREAKDOWN_PER_KIND), (slug) =>
      sampler.text(slug),
    );
  printBreakdown(database, results);
  return results;
}

function printLatency(results: KindResult[]): void {
  console.log(
    `search latency, in-process searchArticles() (${results[0]?.queries} queries per kind after ${WARMUP_PER_KIND} warm-ups each):`,
  );
  console.log(
    `  ${"kind".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"avg total".padStart(10)} ${"capped".padStart(7)}  example`,
  );
  for (const k of results) {
    console.log(
      `  ${k.kind.padEnd(24)} ${ms(k.p50).padStart(8)} ${ms(k.p95).padStart(8)} ${ms(k.p99).padStart(8)} ${ms(k.max).padStart(8)} ${k.avgTotal.toFixed(1).padStart(10)} ${`${Math.round((100 * k.capped) / k.queries)}%`.padStart(7)}  ${JSON.stringify(k.example)}`,
    );
  }
  console.log(
    "  (avg total: as reported, counting stops at 1,000; capped: share of searches with more matches than that)",
  );
}

/** A statement of the search index: SQLite's FTS5 tables, PostgreSQL's ArticleSearch or "Article"'s expression index. */
const isIndexStatement = (s: Statement) => s.sql.includes('"ArticleSearch"') || s.sql.includes("search_terms(");

/** A filter's or a byline's findUnique: one row by its name or slug. */
const isLookup = (s: Statement) => !isIndexStatement(s) && /[."`](name|slug)["`]? = (\$\d|\?)/.test(s.sql);

async function breakdown(
  database: BenchDatabase,
  search: Search,
  params: SearchParams[],
  textOf: (slug: string) => Promise<string>,
): Promise<Breakdown> {
  const sum = { wall: 0, lookups: 0, index: 0, confirm: 0, results: 0, statements: 0, marking: 0 };
  const indexTimes: number[] = [];
  for (const p of params) {
    const start = performance.now();
    const { statements, result } = await database.recordSql(() => search(p));
    sum.wall += performance.now() - start;
    sum.marking += await replayMarking(p, result, textOf);
    // Filter and byline lookups find one row by name or slug (the byline's runs alongside the
    // search); the page's summaries come after the index queries.
    const first = statements.findIndex(isIndexStatement);
    const last = statements.findLastIndex(isIndexStatement);
    let index = 0;
    statements.forEach((s, i) => {
      if (isLookup(s) || first === -1 || i < first) sum.lookups += s.ms;
      else if (i > last) sum.results += s.ms;
      else if (isIndexStatement(s)) index += s.ms;
      else sum.confirm += s.ms;
    });
    sum.index += index;
    indexTimes.push(index);
    sum.statements += statements.length;
  }
  const n = params.length;
  const sql = sum.lookups + sum.index + sum.confirm + sum.results;
  return {
    searches: n,
    wall: sum.wall / n,
    lookups: sum.lookups / n,
    index: sum.index / n,
    confirm: sum.confirm / n,
    results: sum.results / n,
    outsideSql: (sum.wall - sql) / n,
    marking: sum.marking / n,
    indexP95: percentile(
      indexTimes.sort((a, b) => a - b),
      95,
    ),
    statements: sum.statements / n,
  };
}

/**
 * The JS that searchArticles runs besides Prisma: parsing the query (with OpenCC) and marking each
 * result's headline and snippet. Replayed here on the same page, the way lib/search/search.ts does
 * it, since it cannot be timed from outside; the rest of "not SQL" is Prisma's client.
 */
async function replayMarking(
  p: SearchParams,
  response: SearchResponse,
  textOf: (slug: string) => Promise<string>,
): Promise<number> {
  const texts: [string, string][] = [];
  for (const hit of response.results) texts.push([hit.title, await textOf(hit.slug)]);
  const start = performance.now();
  const query = parseQuery(p.q ?? "");
  const needles =
    query.kind === "terms"
      ? query.terms.flatMap((t) => t.highlights)
      : query.kind === "characters"
        ? query.characters
        : [];
  for (const [title, text] of texts) {
    markAll(title, needles);
    snippet(text, needles);
  }
  return performance.now() - start;
}

function printBreakdown(database: BenchDatabase, results: KindResult[]): void {
  const how =
    database.kind === "sqlite"
      ? "SQLite time measured per statement"
      : "PostgreSQL time measured per statement by the client, round trip included";
  console.log(
    `where a search's time goes (mean ms per search over the first ${BREAKDOWN_PER_KIND} of each kind, ${how}):`,
  );
  console.log(
    `  ${"".padEnd(24)} ${"".padStart(7)} ${`${database.label}:`.padEnd(44)} ${"not SQL:".padEnd(18)}\n` +
      `  ${"kind".padEnd(24)} ${"wall".padStart(7)} ${"lookups".padStart(8)} ${"index".padStart(9)} ${"(p95)".padStart(7)} ${"confirm".padStart(9)} ${"results".padStart(9)} ${"marking".padStart(8)} ${"client".padStart(8)} ${"stmts".padStart(6)}`,
  );
  for (const { kind, breakdown: b } of results) {
    if (!b) continue;
    console.log(
      `  ${kind.padEnd(24)} ${ms(b.wall).padStart(7)} ${ms(b.lookups).padStart(8)} ${ms(b.index).padStart(9)} ${ms(b.indexP95).padStart(7)} ${ms(b.confirm).padStart(9)} ${ms(b.results).padStart(9)} ${ms(b.marking).padStart(8)} ${ms(b.outsideSql - b.marking).padStart(8)} ${b.statements.toFixed(1).padStart(6)}`,
    );
  }
  console.log(
    "  (lookups: facet and byline findUnique; index: the index statements, phrases checked in SQL on the stored text; confirm: texts fetched to check phrases in normalized form; results: the page's 20 summaries and texts; marking: query parsing + highlight/snippet of those results; client: the rest, JavaScript around the statements — Prisma's client, the driver, the search's own code)",
  );
  if (database.kind === "postgresql") {
    console.log(
      "  (a search's facet and byline lookups run concurrently on separate connections: their times overlap, and client = wall − the sum can come out low or negative)",
    );
  }
}

/**
 * Plans of the index queries searches run. SQLite: EXPLAIN QUERY PLAN of the slowest kind's first
 * search. PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of every kind's first search and of its search that
 * took the p95, executed again and timed by the server (with the instrumentation's overhead).
 */
async function explain(
  database: BenchDatabase,
  search: Search,
  kinds: KindResult[],
): Promise<Pick<SizeResult, "explain" | "planTops">> {
  const explained = database.kind === "sqlite" ? [[...kinds].sort((a, b) => b.p95 - a.p95)[0]!] : kinds;
  const plans: Record<string, string[]> = {};
  const planTops: Record<string, PlanTop> = {};
  const what = database.kind === "sqlite" ? "EXPLAIN QUERY PLAN" : "EXPLAIN (ANALYZE, BUFFERS)";
  const examples = explained.flatMap((k) => {
    const first = { kind: k.kind, which: "first", params: k.example };
    const slow =
      k.p95Example && database.analyzes && JSON.stringify(k.p95Example) !== JSON.stringify(k.example)
        ? [{ kind: k.kind, which: `p95, ${ms(k.p95)} ms`, params: k.p95Example }]
        : [];
    return [first, ...slow];
  });
  for (const { kind, which, params } of examples) {
    const { statements } = await database.recordSql(() => search(params));
    console.log(`${what} of the index queries of ${kind} ${JSON.stringify(params)} (${which}):`);
    for (const s of statements.filter(isIndexStatement)) {
      const { lines, top } = await database.explain(s);
      const key = `${kind}: ${s.sql}  -- args ${JSON.stringify(s.args)}`;
      plans[key] = lines;
      if (top) planTops[key] = top;
      const server = top ? `, server ${ms(top.executionMs)} ms + planning ${ms(top.planningMs)} ms` : "";
      console.log(`  ${ms(s.ms)} ms in the search${server}  ${s.sql}  -- args ${JSON.stringify(s.args)}`);
      console.log(database.kind === "sqlite" ? `    → ${lines.join("; ")}` : lines.map((l) => `    ${l}`).join("\n"));
    }
  }
  return database.kind === "sqlite" ? { explain: plans } : { explain: plans, planTops };
}

// ---------------------------------------------------------------------------------------------
// Recall

async function recall(search: Search, planted: PlantedPhrase[]): Promise<NonNullable<SizeResult["recall"]>> {
  const problems: RecallProblem[] = [];
  let found = 0;
  let onFirstPage = 0;
  for (const p of planted) {
    const first = await search({ q: p.phrase, page: 1 });
    const hit = first.results.find((h) => h.slug === p.slug);
    if (hit) {
      found++;
      onFirstPage++;
      if (p.where === "title" && hit.matchedIn !== "title")
        problems.push({ ...p, total: first.total, note: "found, but not ranked as a headline match" });
      if (first.total !== 1)
        problems.push({
          ...p,
          total: first.total,
          note: `found, but ${first.total} results for a phrase planted once`,
        });
      continue;
    }
    let page = 2;
    for (; page <= first.pageCount; page++)
      if ((await search({ q: p.phrase, page })).results.some((h) => h.slug === p.slug)) break;
    if (page <= first.pageCount) {
      found++;
      problems.push({ ...p, total: first.total, note: `found only on page ${page}` });
    } else problems.push({ ...p, total: first.total, note: `not found (${first.total} results)` });
  }
  const ok = found === planted.length;
  console.log(
    `${ok ? "" : "!!! RECALL FAILURE: "}recall: ${found}/${planted.length} planted phrases found (${onFirstPage} on page 1)`,
  );
  for (const m of problems) console.log(`  ! ${m.phrase} (${m.where} of ${m.slug}): ${m.note}`);
  return { planted: planted.length, found, onFirstPage, problems };
}

// ---------------------------------------------------------------------------------------------
// Last, so that every module-level constant above is initialized before either side runs.

if (args.child) await child(positiveInt(args.size, "--size"), positiveInt(args.queries, "--queries"));
else
  await parent(
    args.sizes.split(",").map((s) => positiveInt(s.trim(), "--sizes")),
    positiveInt(args.queries, "--queries"),
  );
