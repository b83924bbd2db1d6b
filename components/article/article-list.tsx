import type { ArticleSummary } from "@/lib/db/articles";
import { ArticleCard } from "./article-card";

/** Articles as a list of cards, in the order given. */
export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.slug}>
          <ArticleCard article={a} />
        </li>
      ))}
    </ul>
  );
}
