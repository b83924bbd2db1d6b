import { db, plainRows } from "../db/client";
import { visibleArticle } from "../db/visibility";
import { facet } from "./document";
import type { SearchParams } from "./params";

// The lookups a search makes before it reads the index: its filters' ids, and whether the query
// is someone's byline.

/** Turns filter values (slugs, names, dates) into facet terms; null when a filter names nothing that exists. */
export async function facetTerms(p: SearchParams): Promise<string[] | null> {
  const filters: [value: string | undefined, table: string, key: string, term: (id: number) => string][] = [
    [p.section, "Section", "slug", facet.section],
    [p.column, "Column", "slug", facet.column],
    [p.author, "Author", "name", facet.author],
    [p.tag, "Tag", "name", facet.tag],
    [p.issue, "Issue", "slug", facet.issue],
  ];
  const present = filters.filter(([value]) => value !== undefined);
  if (!present.length) return [];
  // Every filter's id in one statement, one round trip.
  const [row] = await plainRows<Record<string, number | null>>(
    (sql) =>
      `SELECT ${present.map(([value, table, key], i) => `(SELECT "id" FROM "${table}" WHERE "${key}" = ${sql.bind(value!)}) AS "f${i}"`).join(", ")}`,
  );
  const ids = present.map((_, i) => row?.[`f${i}`]);
  if (ids.some((id) => id == null)) return null;
  return present.map(([, , , term], i) => term(Number(ids[i])));
}

/** A query that is someone's byline: searching text finds mentions, so point to what they wrote. */
export async function bylineOf(q: string | undefined): Promise<{ name: string; articleCount: number } | null> {
  const name = q?.trim();
  if (!name || name.length > 32) return null;
  // Nearly every query names no one: a plain lookup by the unique name settles that, and only a
  // name found pays for counting what they wrote (visibleArticle() says what a reader may see).
  const [author] = await plainRows<{ id: number; name: string }>(
    (sql) => `SELECT "id", "name" FROM "Author" WHERE "name" = ${sql.bind(name)}`,
  );
  if (!author) return null;
  const articleCount = await db.byline.count({ where: { authorId: author.id, ...visibleArticle() } });
  return articleCount > 0 ? { name: author.name, articleCount } : null;
}
