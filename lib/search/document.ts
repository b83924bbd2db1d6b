import { analyzeText, bodyTerms, type BodyTerms } from "./tokenize";

// What the search index knows of an article, whichever database holds it.

/** What the index needs of an article. */
export interface SearchDocument {
  id: number;
  publishedAt: Date;
  title: string;
  subtitle: string | null;
  kicker: string | null;
  text: string;
  sectionId: number;
  columnId: number | null;
  issueId: number;
  authorIds: number[];
  tagIds: number[];
  /** The body's terms, when the ingest computed them with the rendering (else from `text`). */
  body?: BodyTerms;
}

/** Facet tokens: filters become index terms, so a filtered search is one index lookup. */
export const facet = {
  all: "all",
  section: (id: number) => `sec${id}`,
  column: (id: number) => `col${id}`,
  issue: (id: number) => `iss${id}`,
  author: (id: number) => `aut${id}`,
  tag: (id: number) => `tag${id}`,
};

/** The headline as searched: headline, subtitle and kicker. */
export const headlineOf = (doc: Pick<SearchDocument, "title" | "subtitle" | "kicker">) =>
  [doc.title, doc.subtitle, doc.kicker].filter(Boolean).join("\n");

/**
 * What SQLite's index writer takes from an article (PostgreSQL's tokenizes the text in SQL:
 * index-postgres.ts), each text normalized and tokenized once. `folds`:
 * whether a phrase check has to normalize the story's text (tokenize.ts, foldsBeyondAsciiCase).
 */
export function analyzeDocument(doc: Omit<SearchDocument, "id">) {
  const headline = analyzeText(headlineOf(doc));
  const body = doc.body ?? bodyTerms(doc.text);
  return {
    headlineTokens: headline.tokens,
    headlineCharacters: headline.characters,
    bodyTerms: body.terms,
    folds: headline.folds || body.folds,
    facets: facetTokens(doc),
  };
}

export function facetTokens(doc: Omit<SearchDocument, "id">): string[] {
  return [
    facet.all,
    facet.section(doc.sectionId),
    facet.issue(doc.issueId),
    ...(doc.columnId ? [facet.column(doc.columnId)] : []),
    ...doc.authorIds.map(facet.author),
    ...doc.tagIds.map(facet.tag),
  ];
}
