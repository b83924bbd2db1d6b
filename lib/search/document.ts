import { foldsBeyondAsciiCase } from "./tokenize";

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
}

/** Whether the text check of a phrase has to normalize this story's text (tokenize.ts, foldsBeyondAsciiCase). */
export const needsFolding = (doc: SearchDocument) => foldsBeyondAsciiCase(headlineOf(doc)) || foldsBeyondAsciiCase(doc.text);

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
export const headlineOf = (doc: SearchDocument) => [doc.title, doc.subtitle, doc.kicker].filter(Boolean).join("\n");

export function facetTokens(doc: SearchDocument): string[] {
  return [
    facet.all,
    facet.section(doc.sectionId),
    facet.issue(doc.issueId),
    ...(doc.columnId ? [facet.column(doc.columnId)] : []),
    ...doc.authorIds.map(facet.author),
    ...doc.tagIds.map(facet.tag),
  ];
}
