import { plainQuery } from "../../db/postgres";
import { COUNT_CAP, type Candidate, type KeyRange, type TierPager, type TierQuery } from "../plan";
import { idFromKey } from "../search-key";
import { confirmedIds, tierMatches } from "../verify";
import {
  bodyMatchesQuery,
  bodyNewestQuery,
  candidateQuery,
  EXCLUDED_KEYS,
  foldedQuery,
  headlineMatchesQuery,
  headlineNewestQuery,
  isBodyTier,
  textNeeds,
  type BodyTier,
  type Statement,
} from "./statements";
import { windowsOf, type Window } from "./windows";

// Reading PostgreSQL's index. Headline tiers, one-character searches and filters alone read
// "ArticleSearch"; a tier over headline and body reads "Article" itself, window by window
// (./windows.ts), its phrases checked on the text in the same row (./statements.ts).

/**
 * A search statement, on the plain connections (lib/db/postgres.ts, plainQuery), prepared but
 * for one that leaves out keys: planned once, `= ANY ($n)` is not hashed, and its list can hold
 * a thousand keys.
 */
const query = async <T extends object>(s: Statement): Promise<T[]> =>
  plainQuery<T>(s.sql, s.params, { prepare: !s.sql.includes(EXCLUDED_KEYS) });

type KeyRow = { key: number | bigint | string };
const keysOf = async (s: Statement) => (await query<KeyRow>(s)).map((r) => Number(r.key));
const newestFirst = (keys: Iterable<number>) => [...new Set(keys)].sort((a, b) => a - b);

export async function postgresCandidates(
  q: TierQuery,
  range: KeyRange,
  limit: number,
  after: number | null,
): Promise<Candidate[]> {
  const rows = await query<KeyRow & { unsure: boolean }>(candidateQuery(q, range, limit, after));
  return rows.map((r) => ({ key: Number(r.key), id: idFromKey(Number(r.key)), hit: !r.unsure }));
}

/** Up to `limit` matches, window by window, folded ones confirmed (`keys`), and the rows they came from. */
async function bodyMatches(tier: BodyTier, windows: Window[], limit: number) {
  const rows = (await query<KeyRow & { window: number; folded: boolean }>(bodyMatchesQuery(tier, windows, limit))).map(
    (r) => ({ key: Number(r.key), window: r.window, folded: r.folded }),
  );
  const folded = await confirmFolded(
    tier,
    rows.filter((r) => r.folded).map((r) => r.key),
  );
  return { rows, keys: [...rows.filter((r) => !r.folded).map((r) => r.key), ...folded] };
}

/** Of folded candidates, those whose normalized text holds the phrases (all of them when the index decides). */
async function confirmFolded({ q, check }: BodyTier, keys: number[]): Promise<number[]> {
  if (!keys.length || !check) return keys;
  const confirmed = await confirmedIds(keys.map(idFromKey), q.text!.phrases);
  return keys.filter((k) => confirmed.has(idFromKey(k)));
}

/**
 * The newest `limit` matches of a tier with more matches than the cap, when the windows read whole
 * held too few: GIN yields matches in no order, so they are sorted within the windows up to
 * `windows[from]`, then further back, until enough are found or the windows cover the range.
 */
async function newestMatches(
  tier: BodyTier,
  range: KeyRange,
  windows: Window[],
  from: number,
  limit: number,
): Promise<number[]> {
  for (let last = from; ; last++) {
    // Only the last window may lack months; with it, the whole range.
    const whole = last === windows.length - 1;
    const months = whole ? null : windows.slice(0, last + 1).flatMap((w) => w.months!);
    const keys = await keysOf(bodyNewestQuery(tier, range, limit, months));
    if (whole || keys.length >= limit) return keys;
  }
}

/** A tier's matches counted up to `cap`, and the ids of matches [offset, offset + size), newest first. */
export const postgresPage: TierPager = async (q, range, cap, offset, size) => {
  if (!isBodyTier(q)) return headlinePage(q, range, cap, offset, size);
  const needs = textNeeds(q.text!.phrases);
  // Every candidate then needs its normalized text read: take them newest first, confirmed.
  if (needs.acrossPunctuation) {
    const ids = await tierMatches(postgresCandidates, q, range, cap);
    return { total: ids.length, ids: ids.slice(offset, offset + size) };
  }
  const tier: BodyTier = { q, check: needs.check, exclude: await headlineKeysToExclude(q, range) };
  return bodyPage(tier, range, cap, offset, size);
};

/** Headline phrases, headline characters or filters alone, on "ArticleSearch". */
async function headlinePage(q: TierQuery, range: KeyRange, cap: number, offset: number, size: number) {
  const found = await keysOf(headlineMatchesQuery(q, range, cap));
  const total = Math.min(cap, found.length);
  // Fewer than the cap: every match, for the page and for the tier below to leave out.
  const keys = found.length < cap ? found : undefined;
  if (size <= 0 || offset >= total) return { total, ids: [], keys };
  const newest = keys ?? (await keysOf(headlineNewestQuery(q, range, offset + size)));
  return { total, ids: pageOf(newest, offset, size), keys };
}

/**
 * Headline matches ranked in the tier above are left out by key, before any text is read:
 * search.ts passes the keys that tier found; they are looked up only when it did not.
 */
async function headlineKeysToExclude(q: TierQuery, range: KeyRange): Promise<number[]> {
  if (!q.notInHeadline) return [];
  if (q.notInHeadlineKeys) return q.notInHeadlineKeys;
  const headline: TierQuery = {
    text: { in: "headline", phrases: q.notInHeadline },
    notInHeadline: null,
    facets: q.facets,
  };
  return keysOf(headlineMatchesQuery(headline, range, COUNT_CAP));
}

/** A headline-and-body tier on "Article", read window by window, newest months first. */
async function bodyPage(tier: BodyTier, range: KeyRange, cap: number, offset: number, size: number) {
  const windows = windowsOf(range);
  let limit = cap;
  let { rows, keys } = await bodyMatches(tier, windows, limit);
  // Folded candidates the text rejected took places under the limit: ask for that many more.
  while (rows.length === limit && keys.length < rows.length) {
    limit += rows.length - keys.length;
    ({ rows, keys } = await bodyMatches(tier, windows, limit));
  }
  const total = Math.min(cap, keys.length);
  if (size <= 0 || offset >= total) return { total, ids: [] };
  // Fewer than the limit: these are all the matches, and the page is theirs.
  if (rows.length < limit) return { total, ids: pageOf(keys, offset, size) };
  // The windows before the one the limit stopped in were read whole: their matches are the newest.
  const stoppedIn = Math.max(...rows.map((r) => r.window));
  const windowOf = new Map(rows.map((r) => [r.key, r.window]));
  const newer = keys.filter((k) => windowOf.get(k)! < stoppedIn);
  if (newer.length >= offset + size) return { total, ids: pageOf(newer, offset, size) };
  const [folded, newest] = await Promise.all([
    keysOf(foldedQuery(tier, range)).then((k) => confirmFolded(tier, k)),
    newestMatches(tier, range, windows, stoppedIn, offset + size),
  ]);
  return { total, ids: pageOf([...newest, ...folded], offset, size) };
}

/** Article ids of matches [offset, offset + size), newest first, from their keys. */
const pageOf = (keys: Iterable<number>, offset: number, size: number) =>
  newestFirst(keys)
    .slice(offset, offset + size)
    .map(idFromKey);
