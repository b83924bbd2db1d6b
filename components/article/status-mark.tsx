import { formatDate } from "@/lib/format";

/**
 * 草稿 or 定时 before a headline readers cannot see yet. Only a preview server (npm run preview)
 * lists such stories; on the public site this renders nothing.
 */
export function StatusMark({ article }: { article: { draft: boolean; publishedAt: Date } }) {
  if (article.draft) return <span className="status-mark">草稿</span>;
  // A server component, rendered once per page render (at most once a minute): "now" is that render's time.
  // eslint-disable-next-line react-hooks/purity -- see above
  if (article.publishedAt.getTime() > Date.now())
    return <span className="status-mark">定时 {formatDate(article.publishedAt)}</span>;
  return null;
}
