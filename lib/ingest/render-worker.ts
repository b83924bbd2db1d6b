// A rendering thread's entry point (./render-threads.ts): story bodies in, each rendered with its search terms out.
import { renderArticle, type RenderedArticle } from "../content/render-article";
import { bodyTerms, type BodyTerms } from "../search/tokenize";

/** A story's body as the ingest writes it: the page's rendering, and the index's terms. */
export interface RenderedStory {
  article: RenderedArticle;
  search: BodyTerms;
}

export function renderStory(body: string): RenderedStory {
  const article = renderArticle({ body });
  return { article, search: bodyTerms(article.text) };
}

export default function render(bodies: string[]): RenderedStory[] {
  return bodies.map(renderStory);
}
