// npm run bench:search [-- --sizes 10000,100000 --queries 200 --reuse-db]
//
// How does full-text search (lib/search/search.ts) hold up as the archive grows? For each corpus
// size: a synthetic, deterministic corpus (bench/corpus.ts) is parsed and ingested into a scratch
// SQLite file, then searchArticles() is timed in-process for several kinds of query drawn from the
// corpus, the FTS index is weighed against the text it indexes, and planted phrases are searched
// for to check recall. Targets: p95 < 20 ms for every query kind at 100,000 articles; index bytes
// ≤ indexed text bytes.
//
// searchArticles() uses the shared client of lib/db/client.ts, which reads DATABASE_URL when first
// imported; so each size runs in its own child process (one at a time: two cores), which sets
// DATABASE_URL before importing anything that opens the database.
//
// --reuse-db skips generating the database and measures search on the one a previous run left in
// bench/.tmp (the corpus is deterministic, so the planted phrases are where they were); the ingest
// figures are carried over from the run that built it. Useful to re-measure search when the machine
// is quiet: latency percentiles taken while something else runs are mostly that something else.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
// Only modules that never open the shared database client are imported here; the others are imported
// in the child after it has set DATABASE_URL.
import { renderMarkdown } from "../lib/content/markdown";
import { parseContent, type ContentSet } from "../lib/content/parse";
import { countCharacters, excerpt } from "../lib/content/text";
import { searchRow } from "../lib/search/index-sqlite";
import type { SearchParams } from "../lib/search/params";
import { parseQuery } from "../lib/search/query";
import { markAll, snippet } from "../lib/search/snippet";
import type { SearchResponse } from "../lib/search/search";
import { buildCorpus, NO_MATCH_CHARS, Random, type PlantedPhrase } from "./corpus";
import { createTestDatabaseAt } from "./db";
import { recordSql, watchSql, type Statement } from "./sql-timer";

process.chdir(path.resolve(import.meta.dirname, ".."));

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    queries: { type: "string", default: "200" },
    "reuse-db": { type: "boolean", default: false },
    child: { type: "boolean", default: false },
    size: { type: "string" },
  },
});

const TMP_DIR = "bench/.tmp";
const RESULT_FILE = `${TMP_DIR}/search-result.json`;
const TARGET_P95_MS = 20;
const TARGET_SIZE = 100_000;
const WARMUP_PER_KIND = 5;
/** Searches per kind re-run with per-statement timing, to show where the time goes. */
const BREAKDOWN_PER_KIND = 50;
/** Articles whose Markdown is re-rendered and re-tokenized to estimate those shares of the ingest. */
const PROFILE_SAMPLE = 1000;

const dbFileFor = (size: number) => path.resolve(TMP_DIR, `search-${size}.db`);
const childResultFor = (size: number) => path.resolve(TMP_DIR, `search-${size}.json`);

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

const KINDS = ["1-char", "2-char", "4-char", "multi-term", "byline-only", "filtered:section+dates", "filtered:tag", "no-match"] as const;
type Kind = (typeof KINDS)[number];

interface Breakdown {
  searches: number;
  /** Means per search, ms. */
  wall: number;
  lookups: number;
  count: number;
  pageIds: number;
  findMany: number;
  outsideSql: number;
  /** Of outsideSql: parsing the query and marking the page's headlines and snippets (replayed, see breakdown()). */
  marking: number;
  /** p95 of the summed count(*) statements of a search. */
  countP95: number;
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
  /** The code measured: lib/ changes under a running bench when someone works on it. */
  code?: { before: CodeVersion; after: CodeVersion };
  /** 1-minute load average before and after the searches: another busy process makes the tail slower. */
  loadAverage?: { before: number; after: number };
  peakRssMB?: number;
  index?: { tables: Record<string, number>; indexBytes: number; textBytes: number; ratio: number; dbFileBytes: number };
  kinds?: KindResult[];
  /** `problems`: phrases not found, found only past page 1, or found with other results or in the wrong tier. */
  recall?: { planted: number; found: number; onFirstPage: number; problems: RecallProblem[] };
  explain?: Record<string, string[]>;
  error?: string;
}

const ms = (x: number) => x.toFixed(2);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;
const thousands = (n: number) => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Parent: one child per size, one at a time, then the summary

function parent(sizes: number[], queries: number): void {
  mkdirSync(TMP_DIR, { recursive: true });
  const results: SizeResult[] = [];
  let crashed = false;
  for (const size of sizes) {
    // A reused database keeps the figures of the run that built it.
    if (!args["reuse-db"]) rmSync(childResultFor(size), { force: true });
    console.log(`\n=== ${thousands(size)} articles ===`);
    const run = spawnSync(
      process.execPath,
      // The 100k corpus, its parsed form and Prisma's work sit in memory together: allow a larger heap.
      ["--max-old-space-size=8192", "--import", "tsx", "bench/search.ts", "--child", "--size", String(size), "--queries", String(queries), ...(args["reuse-db"] ? ["--reuse-db"] : [])],
      { stdio: "inherit", env: { ...process.env, DATABASE_URL: `file:${dbFileFor(size)}` } },
    );
    const result: SizeResult = existsSync(childResultFor(size)) ? JSON.parse(readFileSync(childResultFor(size), "utf8")) : { size };
    if (run.status !== 0) {
      crashed = true;
      result.error ??= `child process failed (${run.signal ?? `exit ${run.status}`})`;
    }
    results.push(result);
  }
  printSummary(results);
  writeFileSync(
    RESULT_FILE,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, sqlite: sqliteVersion(), queriesPerKind: queries, targets: { p95Ms: TARGET_P95_MS, atSize: TARGET_SIZE, indexBytesAtMostTextBytes: true }, sizes: results }, null, 2),
  );
  console.log(`\nwritten: ${RESULT_FILE}`);
  process.exitCode = crashed ? 1 : 0;
}

function sqliteVersion(): string {
  const sqlite = new Database(":memory:");
  const { v } = sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string };
  sqlite.close();
  return v;
}

function printSummary(results: SizeResult[]): void {
  console.log("\n=== bench:search summary ===");
  for (const r of results) {
    console.log(`\n--- ${thousands(r.size)} articles${r.issues ? ` in ${thousands(r.issues)} issues` : ""} ---`);
    if (r.error) console.log(`!!! CRASHED: ${r.error}`);
    if (r.code) console.log(`code: ${describeCode(r.code.before)}${sameCode(r.code) ? "" : ` — !!! lib/, prisma/ or content/ CHANGED during the run, now ${describeCode(r.code.after)}`}`);
    if (r.loadAverage) console.log(`load average (1 min) before/after the searches: ${r.loadAverage.before.toFixed(2)} / ${r.loadAverage.after.toFixed(2)} (2 cores; above ~1.2 something else was running)`);
    if (r.ingestMeasuredBy) console.log(`(ingest figures and peak RSS from the run that built the database: ${r.ingestMeasuredBy.date}, code ${r.ingestMeasuredBy.code})`);
    if (r.parseAndIngestMs !== undefined) {
      console.log(`ingest: parse ${seconds(r.parseMs!)} + ingest ${seconds(r.ingestMs!)} = ${seconds(r.parseAndIngestMs)} (corpus generated in ${seconds(r.generateMs!)}); peak RSS ${r.peakRssMB} MB`);
    }
    if (r.index) {
      const verdict = r.index.indexBytes <= r.index.textBytes ? "PASS" : "MISS";
      console.log(`index: ArticleSearch ${mb(r.index.indexBytes)} vs indexed text ${mb(r.index.textBytes)}, ratio ${r.index.ratio.toFixed(2)}  ${verdict} (index ≤ text); DB file ${mb(r.index.dbFileBytes)}`);
    }
    if (r.recall) {
      const ok = r.recall.found === r.recall.planted;
      console.log(`${ok ? "" : "!!! "}recall: ${r.recall.found}/${r.recall.planted} planted phrases found (${r.recall.onFirstPage} on page 1)`);
      for (const p of r.recall.problems) console.log(`  ! ${p.phrase} (${p.where} of ${p.slug}): ${p.note}`);
    }
    if (r.kinds) {
      const applies = r.size >= TARGET_SIZE;
      console.log(`${"kind".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"avg total".padStart(10)} ${"capped".padStart(7)}  p95 < ${TARGET_P95_MS} ms${applies ? "" : " (target is for 100k; shown for reference)"}`);
      for (const k of r.kinds) {
        const verdict = k.p95 < TARGET_P95_MS ? "PASS" : "MISS";
        const capped = `${Math.round((100 * k.capped) / k.queries)}%`;
        console.log(`${k.kind.padEnd(24)} ${ms(k.p50).padStart(8)} ${ms(k.p95).padStart(8)} ${ms(k.p99).padStart(8)} ${k.avgTotal.toFixed(1).padStart(10)} ${capped.padStart(7)}  ${applies ? verdict : `(${verdict})`}`);
      }
    }
  }

  console.log("\ntargets:");
  const big = results.find((r) => r.size === TARGET_SIZE && r.kinds);
  if (!big) console.log(`  p95 < ${TARGET_P95_MS} ms for every kind at ${thousands(TARGET_SIZE)}: not measured in this run`);
  else {
    const misses = big.kinds!.filter((k) => k.p95 >= TARGET_P95_MS);
    console.log(`  p95 < ${TARGET_P95_MS} ms for every kind at ${thousands(TARGET_SIZE)}: ${misses.length ? `MISS (${misses.map((k) => `${k.kind} ${ms(k.p95)} ms`).join(", ")})` : "PASS"}`);
  }
  for (const r of results.filter((r) => r.index)) {
    console.log(`  index bytes ≤ text bytes at ${thousands(r.size)}: ${r.index!.indexBytes <= r.index!.textBytes ? "PASS" : "MISS"} (ratio ${r.index!.ratio.toFixed(2)})`);
  }
  for (const r of results.filter((r) => r.recall)) {
    const ok = r.recall!.found === r.recall!.planted;
    console.log(`  ${ok ? "" : "!!! "}recall at ${thousands(r.size)}: ${r.recall!.found}/${r.recall!.planted}${ok ? "" : " — RECALL FAILURE"}`);
  }
  for (const r of results.filter((r) => r.error)) console.log(`  !!! ${thousands(r.size)}: CRASHED — ${r.error}`);
}

// ---------------------------------------------------------------------------------------------
// Child: one corpus size

async function child(size: number, queries: number): Promise<void> {
  const dbFile = dbFileFor(size);
  // Before any import of lib/db/client.ts, whose shared client reads it once.
  process.env.DATABASE_URL = `file:${dbFile}`;
  const result: SizeResult = { size, date: new Date().toISOString() };
  const save = () => writeFileSync(childResultFor(size), JSON.stringify(result, null, 2));
  const rss = rssSampler();
  const before = codeVersion();
  console.log(`code: ${describeCode(before)}`);
  try {
    const planted = args["reuse-db"] && existsSync(dbFile) ? reuse(size, result) : await ingest(size, dbFile, result);
    result.index = indexSize(dbFile);
    printIndex(result.index);

    const { searchArticles } = await import("../lib/search/search");
    const sampler = new CorpusSampler(dbFile, new Random(size));
    const loadBefore = os.loadavg()[0]!;
    result.kinds = await latency(searchArticles, sampler, queries);
    result.loadAverage = { before: loadBefore, after: os.loadavg()[0]! };
    result.recall = await recall(searchArticles, planted);
    result.explain = await explain(searchArticles, sampler.sqlite, result.kinds);
    sampler.close();
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
  const changed = git("status", "--porcelain", "--", "lib", "prisma", "content").split("\n").filter(Boolean).map((l) => l.slice(3));
  return { commit: git("rev-parse", "--short", "HEAD").trim() || "unknown", trees: git("rev-parse", "HEAD:lib", "HEAD:prisma", "HEAD:content").trim(), changed };
}

const describeCode = (c: CodeVersion) => `${c.commit}${c.changed.length ? ` + uncommitted changes in ${c.changed.join(", ")}` : ""}`;
const sameCode = ({ before, after }: { before: CodeVersion; after: CodeVersion }) => before.trees === after.trees && before.changed.join() === after.changed.join();

async function ingest(size: number, dbFile: string, result: SizeResult): Promise<PlantedPhrase[]> {
  // Modules that open or may open the shared database client are imported only now, after DATABASE_URL is set.
  const { createPrismaClient } = await import("../lib/db/client");
  const { ingestContent } = await import("../lib/db/ingest");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });
  createTestDatabaseAt(dbFile);

  let start = performance.now();
  const corpus = buildCorpus({ articles: size });
  result.generateMs = performance.now() - start;
  result.issues = corpus.issues;
  console.log(
    `corpus: ${thousands(corpus.articles)} articles in ${thousands(corpus.issues)} issues, ${corpus.bylines} bylines, ${corpus.tags} tags, ` +
      `${thousands(corpus.bodyChars)} body characters, ${corpus.planted.length} planted phrases; generated in ${seconds(result.generateMs)}`,
  );

  // SQLite time per statement kind during the ingest, to tell Prisma's writes from the index's.
  const sql = new Map<string, { ms: number; statements: number }>();
  const stopSql = watchSql((phase, text, t) => {
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

  result.ingestProfile = ingestProfile(content, result.ingestMs, sql);
  content = null;
  return corpus.planted;
}

/** The planted phrases of the database a previous run built; the corpus is regenerated, not ingested. */
function reuse(size: number, result: SizeResult): PlantedPhrase[] {
  const built: SizeResult | null = existsSync(childResultFor(size)) ? JSON.parse(readFileSync(childResultFor(size), "utf8")) : null;
  if (built?.parseAndIngestMs !== undefined) {
    const { issues, generateMs, parseMs, ingestMs, parseAndIngestMs, ingestProfile, peakRssMB } = built;
    Object.assign(result, { issues, generateMs, parseMs, ingestMs, parseAndIngestMs, ingestProfile, peakRssMB });
    result.ingestMeasuredBy = built.ingestMeasuredBy ?? { date: built.date ?? "unknown", code: built.code ? describeCode(built.code.before) : "unknown" };
  }
  console.log(
    `--reuse-db: measuring ${dbFileFor(size)} as a previous run left it; ` +
      (result.ingestMeasuredBy ? `ingest figures from the run that built it (${result.ingestMeasuredBy.date}, code ${result.ingestMeasuredBy.code})` : "no ingest figures"),
  );
  return buildCorpus({ articles: size }).planted;
}

/** "INSERT Article", "SELECT Tag", "BEGIN": what a statement does to which table. */
const kindCache = new Map<string, string>();
function statementKind(sql: string): string {
  let kind = kindCache.get(sql);
  if (!kind) {
    const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "?";
    const table = /\b(?:INTO|FROM|UPDATE)\s+[`"]?(?:main[`"]?\.[`"]?)?(\w+)/i.exec(sql)?.[1];
    kind = table ? `${verb} ${table}` : verb;
    kindCache.set(sql, kind);
  }
  return kind;
}

/**
 * Where the ingest's time went: SQLite per statement kind (measured during the ingest), Markdown
 * rendering and index tokenization (re-done for a sample afterwards and scaled up), and the rest
 * (Prisma's client: query building, result mapping, and the ingest's own JS).
 */
function ingestProfile(content: ContentSet, ingestMs: number, sql: Map<string, { ms: number; statements: number }>) {
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
    searchRow({ id: 1, publishedAt: new Date(), title: fm.title, subtitle: fm.subtitle ?? null, kicker: fm.kicker ?? null, text: rendered.text, sectionId: 1, columnId: null, issueId: 1, authorIds: [1], tagIds: [1, 2] });
    tokenizeMs += performance.now() - t;
  }
  const scale = content.articles.length / sample.length;
  const parts: { part: string; ms: number; statements?: number }[] = [
    { part: "render Markdown + text measures (est.)", ms: renderMs * scale },
    { part: "tokenize for the index (est.)", ms: tokenizeMs * scale },
    ...[...sql].sort((a, b) => b[1].ms - a[1].ms).map(([kind, v]) => ({ part: `SQLite ${kind}`, ms: v.ms, statements: v.statements })),
  ];
  const accounted = parts.reduce((n, p) => n + p.ms, 0);
  parts.push({ part: "rest: Prisma client, ingest JS, GC", ms: ingestMs - accounted });
  console.log(`ingest profile (SQLite measured per statement; render/tokenize from ${sample.length} re-done articles, scaled):`);
  for (const p of parts) {
    const share = ((100 * p.ms) / ingestMs).toFixed(1).padStart(5);
    console.log(`  ${p.part.padEnd(58)} ${seconds(p.ms).padStart(9)} ${share}%${p.statements ? `  ${thousands(p.statements)} statements` : ""}`);
  }
  return parts;
}

/** Bytes of the FTS5 table's shadow tables (dbstat), of the text they index, and of the file. */
function indexSize(dbFile: string): NonNullable<SizeResult["index"]> {
  const sqlite = new Database(dbFile);
  // Fold the WAL into the file, so the file size is the database's and reads come from the file, as after any quiet period.
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const rows = sqlite.prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC").all() as { name: string; bytes: number }[];
  const tables = Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  const indexBytes = rows.filter((r) => r.name.startsWith("ArticleSearch")).reduce((n, r) => n + r.bytes, 0);
  const { textBytes } = sqlite
    .prepare(
      `SELECT SUM(length(CAST(title AS BLOB)) + IFNULL(length(CAST(subtitle AS BLOB)), 0) + IFNULL(length(CAST(kicker AS BLOB)), 0) + length(CAST(text AS BLOB))) AS textBytes FROM "Article"`,
    )
    .get() as { textBytes: number };
  sqlite.close();
  return { tables, indexBytes, textBytes, ratio: indexBytes / textBytes, dbFileBytes: statSync(dbFile).size };
}

function printIndex(index: NonNullable<SizeResult["index"]>): void {
  console.log(`index size (dbstat): ArticleSearch ${mb(index.indexBytes)} = ${index.ratio.toFixed(2)} × the ${mb(index.textBytes)} of UTF-8 text it indexes; DB file ${mb(index.dbFileBytes)}`);
  for (const [name, bytes] of Object.entries(index.tables).filter(([, b]) => b > 1048576)) console.log(`  ${name.padEnd(40)} ${mb(bytes).padStart(10)}`);
}

// ---------------------------------------------------------------------------------------------
// Queries drawn from the ingested corpus

interface SampledArticle {
  id: number;
  title: string;
  text: string;
  section: string;
  issue: string;
  tags: string[];
}

const WORD_CHAR = /^[\p{L}\p{N}]+$/u;

/** Draws articles, authors and windows of text from the database the searches run against. */
class CorpusSampler {
  readonly sqlite: Database.Database;
  readonly #articles: number;
  readonly #authors: string[];
  readonly #article: Database.Statement<[number], Omit<SampledArticle, "tags">>;
  readonly #tags: Database.Statement<[number], { name: string }>;
  readonly #text: Database.Statement<[string], { text: string }>;

  constructor(
    file: string,
    readonly r: Random,
  ) {
    this.sqlite = new Database(file, { readonly: true });
    this.#articles = (this.sqlite.prepare(`SELECT max(id) AS n FROM "Article"`).get() as { n: number }).n;
    this.#authors = (this.sqlite.prepare(`SELECT name FROM "Author" ORDER BY id`).all() as { name: string }[]).map((a) => a.name);
    this.#article = this.sqlite.prepare(
      `SELECT a.id, a.title, a.text, s.slug AS section, i.slug AS issue FROM "Article" a JOIN "Section" s ON s.id = a.sectionId JOIN "Issue" i ON i.id = a.issueId WHERE a.id = ?`,
    );
    this.#tags = this.sqlite.prepare(`SELECT t.name FROM "ArticleTag" x JOIN "Tag" t ON t.id = x.tagId WHERE x.articleId = ? ORDER BY x.position`);
    this.#text = this.sqlite.prepare(`SELECT text FROM "Article" WHERE slug = ?`);
  }

  article(): SampledArticle {
    for (;;) {
      const id = this.r.int(1, this.#articles);
      const row = this.#article.get(id);
      if (row) return { ...row, tags: this.#tags.all(id).map((t) => t.name) };
    }
  }

  author(): string {
    return this.r.pick(this.#authors);
  }

  text(slug: string): string {
    return this.#text.get(slug)!.text;
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

  close(): void {
    this.sqlite.close();
  }
}

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One query of `kind`, drawn from the corpus; null when this draw did not fit (the caller draws again). */
function draw(kind: Kind, s: CorpusSampler, noMatch: Set<string>): SearchParams | null {
  const r = s.r;
  switch (kind) {
    case "1-char": {
      const a = s.article();
      return { q: s.window(a.title, 1) ?? undefined, page: 1 };
    }
    case "2-char":
      return { q: s.window(s.article().text, 2) ?? undefined, page: 1 };
    case "4-char":
      return { q: s.window(s.article().text, 4) ?? undefined, page: 1 };
    case "multi-term": {
      const a = s.article();
      const terms = Array.from({ length: r.int(2, 3) }, () => s.window(a.text, r.int(2, 4)));
      if (terms.some((t) => t === null) || new Set(terms).size < terms.length) return null;
      return { q: terms.join(" "), page: 1 };
    }
    case "byline-only":
      return { author: s.author(), page: 1 };
    case "filtered:section+dates": {
      const a = s.article();
      const span = r.int(30, 365);
      const from = Date.parse(`${a.issue}T00:00:00Z`) - r.int(0, span) * DAY;
      return { q: s.window(a.text, r.int(2, 4)) ?? undefined, section: a.section, from: isoDay(from), to: isoDay(from + span * DAY), page: 1 };
    }
    case "filtered:tag": {
      const a = s.article();
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

function drawMany(kind: Kind, count: number, s: CorpusSampler, noMatch: Set<string>): SearchParams[] {
  const out: SearchParams[] = [];
  while (out.length < count) {
    const p = draw(kind, s, noMatch);
    if (p && (kind === "byline-only" || p.q)) out.push(p);
  }
  return out;
}

type Search = (p: SearchParams) => Promise<SearchResponse>;

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function latency(search: Search, sampler: CorpusSampler, queries: number): Promise<KindResult[]> {
  const noMatch = new Set<string>();
  const plans = KINDS.map((kind) => ({ kind, warmup: drawMany(kind, WARMUP_PER_KIND, sampler, noMatch), measured: drawMany(kind, queries, sampler, noMatch) }));
  // Warm up every path (module init, OpenCC, Prisma's query plans, SQLite's page cache) before timing any.
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
    results.push({
      kind,
      queries: measured.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      max: sorted.at(-1)!,
      avgTotal: totals / measured.length,
      capped,
      empty,
      example: measured[0]!,
    });
    if (kind === "no-match" && empty !== measured.length) console.log(`!!! no-match: ${measured.length - empty} of ${measured.length} queries found something`);
  }
  printLatency(results);

  // Again for a subset, with each SQL statement timed: SQLite's share against Prisma's and ours.
  for (const [i, { measured }] of plans.entries()) results[i]!.breakdown = await breakdown(search, measured.slice(0, BREAKDOWN_PER_KIND), (slug) => sampler.text(slug));
  printBreakdown(results);
  return results;
}

function printLatency(results: KindResult[]): void {
  console.log(`search latency, in-process searchArticles() (${results[0]?.queries} queries per kind after ${WARMUP_PER_KIND} warm-ups each):`);
  console.log(`  ${"kind".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"avg total".padStart(10)} ${"capped".padStart(7)}  example`);
  for (const k of results) {
    console.log(
      `  ${k.kind.padEnd(24)} ${ms(k.p50).padStart(8)} ${ms(k.p95).padStart(8)} ${ms(k.p99).padStart(8)} ${ms(k.max).padStart(8)} ${k.avgTotal.toFixed(1).padStart(10)} ${`${Math.round((100 * k.capped) / k.queries)}%`.padStart(7)}  ${JSON.stringify(k.example)}`,
    );
  }
  console.log("  (avg total: as reported, counting stops at 1,000; capped: share of searches with more matches than that)");
}

const isFts = (s: Statement) => s.sql.includes('"ArticleSearch"');

async function breakdown(search: Search, params: SearchParams[], textOf: (slug: string) => string): Promise<Breakdown> {
  const sum = { wall: 0, lookups: 0, count: 0, pageIds: 0, findMany: 0, statements: 0, marking: 0 };
  const counts: number[] = [];
  for (const p of params) {
    const start = performance.now();
    const { statements, result } = await recordSql(() => search(p));
    sum.wall += performance.now() - start;
    sum.marking += replayMarking(p, result, textOf);
    // Filter and byline lookups come before the index queries, the page's rows (findMany) after them.
    const first = statements.findIndex(isFts);
    const last = statements.findLastIndex(isFts);
    let count = 0;
    statements.forEach((s, i) => {
      if (first === -1 || i < first) sum.lookups += s.ms;
      else if (i > last) sum.findMany += s.ms;
      else if (s.sql.includes("count(*)")) count += s.ms;
      else sum.pageIds += s.ms;
    });
    sum.count += count;
    counts.push(count);
    sum.statements += statements.length;
  }
  const n = params.length;
  const sql = sum.lookups + sum.count + sum.pageIds + sum.findMany;
  return {
    searches: n,
    wall: sum.wall / n,
    lookups: sum.lookups / n,
    count: sum.count / n,
    pageIds: sum.pageIds / n,
    findMany: sum.findMany / n,
    outsideSql: (sum.wall - sql) / n,
    marking: sum.marking / n,
    countP95: percentile(counts.sort((a, b) => a - b), 95),
    statements: sum.statements / n,
  };
}

/**
 * The JS that searchArticles runs besides Prisma: parsing the query (with OpenCC) and marking each
 * result's headline and snippet. Replayed here on the same page, the way lib/search/search.ts does
 * it, since it cannot be timed from outside; the rest of "not SQL" is Prisma's client.
 */
function replayMarking(p: SearchParams, response: SearchResponse, textOf: (slug: string) => string): number {
  const texts = response.results.map((hit) => [hit.title, textOf(hit.slug)] as const);
  const start = performance.now();
  const query = parseQuery(p.q ?? "");
  const needles = query.kind === "terms" ? query.terms.flatMap((t) => t.highlights) : query.kind === "characters" ? query.characters : [];
  for (const [title, text] of texts) {
    markAll(title, needles);
    snippet(text, needles);
  }
  return performance.now() - start;
}

function printBreakdown(results: KindResult[]): void {
  console.log(`where a search's time goes (mean ms per search over the first ${BREAKDOWN_PER_KIND} of each kind, SQLite time measured per statement):`);
  console.log(
    `  ${"".padEnd(24)} ${"".padStart(7)} ${"SQLite:".padEnd(44)} ${"not SQL:".padEnd(18)}\n` +
      `  ${"kind".padEnd(24)} ${"wall".padStart(7)} ${"lookups".padStart(8)} ${"count(*)".padStart(9)} ${"(p95)".padStart(7)} ${"page ids".padStart(9)} ${"findMany".padStart(9)} ${"marking".padStart(8)} ${"Prisma".padStart(8)} ${"stmts".padStart(6)}`,
  );
  for (const { kind, breakdown: b } of results) {
    if (!b) continue;
    console.log(
      `  ${kind.padEnd(24)} ${ms(b.wall).padStart(7)} ${ms(b.lookups).padStart(8)} ${ms(b.count).padStart(9)} ${ms(b.countP95).padStart(7)} ${ms(b.pageIds).padStart(9)} ${ms(b.findMany).padStart(9)} ${ms(b.marking).padStart(8)} ${ms(b.outsideSql - b.marking).padStart(8)} ${b.statements.toFixed(1).padStart(6)}`,
    );
  }
  console.log("  (lookups: facet and byline findUnique; marking: query parsing + highlight/snippet of the page's 20 results; Prisma: the rest, Prisma's client around the statements)");
}

/** SQLite's plan for the index queries of the slowest kind's first search, to show how the FTS table is used. */
async function explain(search: Search, sqlite: Database.Database, kinds: KindResult[]): Promise<Record<string, string[]>> {
  const slowest = [...kinds].sort((a, b) => b.p95 - a.p95)[0]!;
  const { statements } = await recordSql(() => search(slowest.example));
  const plans: Record<string, string[]> = {};
  console.log(`EXPLAIN QUERY PLAN of the index queries of ${slowest.kind} ${JSON.stringify(slowest.example)}:`);
  for (const s of statements.filter(isFts)) {
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[];
    const key = `${s.sql}  -- args ${JSON.stringify(s.args)}`;
    plans[key] = rows.map((r) => r.detail);
    console.log(`  ${ms(s.ms)} ms  ${key}\n    → ${plans[key]!.join("; ")}`);
  }
  return plans;
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
      if (p.where === "title" && hit.matchedIn !== "title") problems.push({ ...p, total: first.total, note: "found, but not ranked as a headline match" });
      if (first.total !== 1) problems.push({ ...p, total: first.total, note: `found, but ${first.total} results for a phrase planted once` });
      continue;
    }
    let page = 2;
    for (; page <= first.pageCount; page++) if ((await search({ q: p.phrase, page })).results.some((h) => h.slug === p.slug)) break;
    if (page <= first.pageCount) {
      found++;
      problems.push({ ...p, total: first.total, note: `found only on page ${page}` });
    } else problems.push({ ...p, total: first.total, note: `not found (${first.total} results)` });
  }
  const ok = found === planted.length;
  console.log(`${ok ? "" : "!!! RECALL FAILURE: "}recall: ${found}/${planted.length} planted phrases found (${onFirstPage} on page 1)`);
  for (const m of problems) console.log(`  ! ${m.phrase} (${m.where} of ${m.slug}): ${m.note}`);
  return { planted: planted.length, found, onFirstPage, problems };
}

// ---------------------------------------------------------------------------------------------
// Last, so that every module-level constant above is initialized before either side runs.

if (args.child) await child(positiveInt(args.size, "--size"), positiveInt(args.queries, "--queries"));
else parent(args.sizes.split(",").map((s) => positiveInt(s.trim(), "--sizes")), positiveInt(args.queries, "--queries"));
