import Link from "next/link";

/** Previous / next links for a paginated list; `href(n)` builds page n's URL. */
export function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="分页" className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          上一页
        </Link>
      ) : (
        <span aria-hidden="true" className="disabled">
          上一页
        </span>
      )}
      <span className="page-status">
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          下一页
        </Link>
      ) : (
        <span aria-hidden="true" className="disabled">
          下一页
        </span>
      )}
    </nav>
  );
}
