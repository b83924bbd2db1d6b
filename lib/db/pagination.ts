export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

/** Runs the count and the page query together; a page past the end comes back with no items. */
export async function paginate<T>(
  page: number,
  perPage: number,
  count: () => Promise<number>,
  fetch: (skip: number, take: number) => Promise<T[]>,
): Promise<Page<T>> {
  const [total, items] = await Promise.all([count(), fetch((page - 1) * perPage, perPage)]);
  return { items, page, pageCount: Math.max(1, Math.ceil(total / perPage)), total };
}
