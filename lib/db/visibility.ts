import type { Prisma } from "./generated/client";

/**
 * What readers may see: not a draft, and published by now. Every public
 * query filters with this; scheduled articles appear when their time comes
 * (pages revalidate at least once a minute), with no further ingest.
 */
export function visibleArticle(now = new Date()) {
  return { draft: false, publishedAt: { lte: now } } satisfies Prisma.ArticleWhereInput;
}
