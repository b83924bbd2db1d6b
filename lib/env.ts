import { availableParallelism } from "node:os";
import { z } from "zod";

// Every setting the portal reads from its environment, validated in one place. Nothing else in
// app/, components/, lib/ or scripts/ reads process.env. The server and the command-line scripts
// call checkEnv() when they start, so a bad value stops them with a message naming it.

/** Where the database lives when DATABASE_URL is not set: a SQLite file under the project. */
export const DEFAULT_DATABASE_URL = "file:./data/portal.db";
export const DEFAULT_SITE_ORIGIN = "http://localhost:3000";

const text = z.string().trim().min(1);
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** An origin as SITE_ORIGIN takes it: scheme, host and optional port, normalized, no trailing slash. */
export const originSchema = z
  .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL, e.g. https://www.zuoquan.example" })
  .transform((s) => new URL(s))
  .refine((u) => (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username && !u.password, {
    message: "must be an origin only (scheme, host and optional port), with no path, query or credentials",
  })
  .transform((u) => u.origin);

const databaseUrlSchema = text.refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
  message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
});

const siteUrlsSchema = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, message: "must list http(s) URLs, comma-separated" })));

const envSchema = z.object({
  /** file:… (SQLite, the default) or postgresql://… */
  DATABASE_URL: databaseUrlSchema.default(DEFAULT_DATABASE_URL),
  /** Prisma's connections per server on PostgreSQL. */
  DATABASE_POOL_SIZE: wholeNumber(1, 1000).default(10),
  /** Search's own connections per server on PostgreSQL. */
  DATABASE_SEARCH_POOL_SIZE: wholeNumber(1, 1000).default(5),
  PORT: wholeNumber(1, 65535).default(3000),
  /** The public origin of canonical URLs, feeds and sitemaps; unset means DEFAULT_SITE_ORIGIN. */
  SITE_ORIGIN: originSchema.optional(),
  /** The running sites an ingest refreshes; unset means every live server recorded in the database. */
  SITE_URLS: siteUrlsSchema.optional(),
  /** Where an ingest reaches this server, recorded in its database; unset means http://127.0.0.1:PORT. */
  SITE_INTERNAL_URL: originSchema.optional(),
  /** Shared by the ingest and the servers; unset means a secret kept under data/. */
  REVALIDATE_SECRET: text.optional(),
  CONTENT_DIR: text.default("content"),
  /** Where the ingest keeps print pages' images and PDFs, named by content hash (lib/print-media.ts). */
  PRINT_DIR: text.default("data/print"),
  /** How long the production server replays a cacheable page from memory; 0 turns that off. */
  MICROCACHE_TTL_MS: wholeNumber(0, 60_000).default(2000),
  /** The micro-cache's bound, in bytes of responses held. */
  MICROCACHE_MAX_BYTES: wholeNumber(0, 2 ** 32).default(64 * 2 ** 20),
  /**
   * Threads the production server runs searches in, off the loop that serves pages; 0 searches on
   * that loop. By default one per core beside the renderer's (README, Speed: memory).
   */
  SEARCH_THREADS: wholeNumber(0, 64).default(Math.max(1, availableParallelism() - 1)),
  /**
   * Disk Next.js's rendered pages may take, in bytes; past it the pages read least recently are
   * removed and rendered again when next visited (lib/server/kept-pages.ts). 0: no bound.
   */
  KEPT_PAGES_MAX_BYTES: wholeNumber(0, 2 ** 50).default(2 * 2 ** 30),
  /** Old-generation heap of the production server's renderer thread, in MB (README, Speed: memory). */
  RENDERER_HEAP_MB: wholeNumber(64, 65_536).default(160),
  NEXT_DIST_DIR: text.default(".next"),
  /** "1" on a preview server (npm run preview): drafts and scheduled stories shown, marked, never indexable. */
  SITE_PREVIEW: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** The port of npm run preview (its PORT), beside a public site on 3000. */
  PREVIEW_PORT: wholeNumber(1, 65535).default(3001),
  /** The database npm run preview ingests into: never the public site's. */
  PREVIEW_DATABASE_URL: databaseUrlSchema.default("file:./data/preview.db"),
  /** "1" makes /error-probe fail on purpose (the browser tests' error pages). */
  ERROR_PROBE: z.enum(["0", "1"]).default("0"),
  NODE_ENV: text.default("development"),
});

export type Env = z.infer<typeof envSchema>;
const NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

/** A setting that is not valid; the message names the variable and its value. */
export class EnvError extends Error {}

/** Parses settings from a set of variables; throws an EnvError naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value means unset, as shells and .env files write it.
  const raw = Object.fromEntries(NAMES.map((name) => [name, source[name]?.trim() ? source[name] : undefined]));
  const parsed = envSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name} ${issue.message} — got "${raw[name]}"`;
  });
  throw new EnvError(`invalid setting${lines.length > 1 ? "s" : ""}:\n  ${lines.join("\n  ")}`);
}

let memo: { raw: (string | undefined)[]; env: Env } | undefined;

/** The current settings. Re-read when a variable changes (tests and scripts set them as they go). */
export function env(): Env {
  const raw = NAMES.map((name) => process.env[name]);
  if (!memo || memo.raw.some((value, i) => value !== raw[i])) memo = { raw, env: parseEnv(process.env) };
  return memo.env;
}

/**
 * What a production server says at start-up when SITE_ORIGIN is unset (null when it is set): every
 * absolute URL it hands out would then name localhost, which nothing else would tell anyone.
 */
export function siteOriginWarning(settings: Env = env()): string | null {
  if (settings.SITE_ORIGIN) return null;
  const rule = "=".repeat(88);
  return [
    rule,
    `  SITE_ORIGIN is not set: canonical links, Open Graph URLs, feeds, robots.txt and sitemaps`,
    `  will all point at ${DEFAULT_SITE_ORIGIN}, not at the address readers use.`,
    `  Set it to the public origin, e.g. SITE_ORIGIN=https://www.zuoquan.example (see README, Deployment).`,
    rule,
  ].join("\n");
}

/** For entry points: stops the process with the message when a setting is invalid. */
export function checkEnv(): Env {
  try {
    return env();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(`Cannot start: ${e.message}`);
    process.exit(1);
  }
}
