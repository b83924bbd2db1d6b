// The index orders and filters by a single integer per article, its search key.
// Newest first is the index's own ascending row order (FTS5 reads its lists
// forwards fastest, and a LIMIT stops early), and a date range is a key range:
//   key = (END − publication minute) × 2^22 + (2^22 − 1 − article id)

const ID_SPACE = 2 ** 22;
const MINUTE = 60_000;
/** Minutes from 1970 to 2200: far enough, and keys stay below 2^53. */
const END = Math.floor(Date.UTC(2200, 0, 1) / MINUTE);

const minuteOf = (date: Date) => Math.floor(date.getTime() / MINUTE);

export function searchKey(publishedAt: Date, id: number): number {
  if (id >= ID_SPACE) throw new Error(`article id ${id} exceeds the search key's id space`);
  return (END - minuteOf(publishedAt)) * ID_SPACE + (ID_SPACE - 1 - id);
}

/** The article id a key was made from, as SQL over the key column. */
export const idFromKeySql = (column: string) => `(${ID_SPACE - 1} - (${column} % ${ID_SPACE}))`;

/** Keys of articles published in [from, until): from defaults to the beginning of time. */
export function keyRange(until: Date, from?: Date): { min: number; max: number } {
  return {
    min: (END - minuteOf(until) + 1) * ID_SPACE,
    max: from ? (END - minuteOf(from)) * ID_SPACE + ID_SPACE - 1 : Number.MAX_SAFE_INTEGER,
  };
}

/** The article id a key was made from. */
export const idFromKey = (key: number) => ID_SPACE - 1 - (key % ID_SPACE);

/** The publication minute a key was made from. */
const minuteOfKey = (key: number) => END - Math.floor(key / ID_SPACE);

/** The publication minutes a key range covers, [from, until]; from is null for "since the beginning". */
export function minutesOfKeyRange(range: { min: number; max: number }): { from: number | null; until: number } {
  return { from: range.max >= Number.MAX_SAFE_INTEGER ? null : minuteOfKey(range.max), until: minuteOfKey(range.min) };
}
