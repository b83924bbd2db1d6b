import { renderMarkdown } from "./markdown";
import type { ArticleSource } from "./parse";
import { countCharacters, excerpt, readingMinutes } from "./text";

export type RenderedArticle = ReturnType<typeof renderArticle>;

/** What a page shows of an article's body, computed once at ingest: HTML, text, subheads, excerpt, 字数, reading time. */
export function renderArticle(source: Pick<ArticleSource, "body">) {
  const rendered = renderMarkdown(source.body);
  const charCount = countCharacters(rendered.text);
  return {
    html: rendered.html,
    text: rendered.text,
    headings: JSON.stringify(rendered.headings),
    excerpt: excerpt(rendered.text),
    charCount,
    readingMinutes: readingMinutes(charCount),
  };
}
