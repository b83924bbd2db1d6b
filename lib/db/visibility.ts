import { env } from "../env";
import type { Prisma } from "./generated/client";

/**
 * What readers may see: not a draft, and published by now. Every public
 * query filters with this; scheduled articles appear when their time comes
 * (pages revalidate at least once a minute), with no further ingest.
 * A preview server (npm run preview: SITE_PREVIEW, its own build, cache and
 * database, on 127.0.0.1) shows editors everything, marked 草稿 or 定时.
 */
export function visibleArticle(now = new Date()) {
  if (env().SITE_PREVIEW) return {} satisfies Prisma.ArticleWhereInput;
  return { draft: false, publishedAt: { lte: now } } satisfies Prisma.ArticleWhereInput;
}
