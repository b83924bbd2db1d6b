import type { Tx } from "../db/client";
import { searchKey } from "./search-key";
import { characterTokens, documentTokens } from "./tokenize";
import { facetTokens, headlineOf, type SearchDocument } from "./document";

// PostgreSQL's index: tsvectors written as lexeme:position literals, so no
// text-search parser or dictionary touches the tokens (lib/search/tokenize.ts
// made them), GIN-indexed (migration 20261130140100_search).

/** tsvector positions stop at 16,383: a longer story keeps its first 16,383 tokens phrase-searchable. */
const MAX_POSITION = 16_383;
const quote = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;

/** Headline tokens weighted A, then (after a gap, so no phrase spans the two) body tokens. */
export function docVector(headline: string, text: string): string {
  const head = documentTokens(headline);
  const body = documentTokens(text);
  const parts = head.map((t, i) => `${quote(t)}:${Math.min(i + 1, MAX_POSITION)}A`);
  body.forEach((t, i) => parts.push(`${quote(t)}:${Math.min(head.length + 2 + i, MAX_POSITION)}`));
  return parts.join(" ");
}

export async function indexArticlesPostgres(tx: Tx, docs: SearchDocument[]) {
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    const params = batch.flatMap((doc) => {
      const headline = headlineOf(doc);
      return [searchKey(doc.publishedAt, doc.id), docVector(headline, doc.text), characterTokens(headline).map(quote).join(" "), facetTokens(doc).map(quote).join(" ")];
    });
    const values = batch.map((_, k) => `($${k * 4 + 1}, $${k * 4 + 2}::tsvector, $${k * 4 + 3}::tsvector, $${k * 4 + 4}::tsvector)`).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("key", "doc", "chars", "facets") VALUES ${values}`, ...params);
  }
}

export async function unindexArticlePostgres(tx: Tx, id: number, publishedAt: Date) {
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "key" = $1`, searchKey(publishedAt, id));
}
