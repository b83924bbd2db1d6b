// The index orders and filters by a single integer per article, its search key:
// publication minute × 2^22 + article id. Newest-first is then the index's own
// row order (no sort, and a LIMIT stops early), and a date range is a key range.

const ID_SPACE = 2 ** 22;
const MINUTE = 60_000;

export function searchKey(publishedAt: Date, id: number): number {
  if (id >= ID_SPACE) throw new Error(`article id ${id} exceeds the search key's id space`);
  return Math.floor(publishedAt.getTime() / MINUTE) * ID_SPACE + id;
}

/** Smallest key of articles published at or after `date`. */
export const keyFrom = (date: Date) => Math.floor(date.getTime() / MINUTE) * ID_SPACE;

export const ID_MODULUS = ID_SPACE;
