import { articleSummariesWithText, type ArticleSummary } from "../db/articles";
import { markAll, snippet, type Marked } from "./snippet";

export interface SearchHit extends ArticleSummary {
  /** The headline with the query's words marked. */
  titleMarked: Marked;
  /** A passage of the story around the first match, marked; the excerpt when only the headline matched. */
  snippet: Marked;
  matchedIn: "title" | "body";
}

/** The page's results in the order found, each with its matches marked. */
export async function searchHits(order: number[], headlineIds: number[], needles: string[]): Promise<SearchHit[]> {
  const byId = new Map((await articleSummariesWithText(order)).map((r) => [r.id, r]));
  const headlineSet = new Set(headlineIds);
  return order.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { text, id: _id, ...summary } = row;
    return [
      {
        ...summary,
        titleMarked: markAll(summary.title, needles),
        snippet: snippet(text, needles) ?? { text: summary.excerpt, marks: [] },
        matchedIn: headlineSet.has(id) ? ("title" as const) : ("body" as const),
      },
    ];
  });
}
