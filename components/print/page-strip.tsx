import Link from "next/link";
import type { PrintEdition } from "@/lib/db/pages";
import { pageLabel } from "@/lib/seo/print-metadata";
import { printPagePath } from "@/lib/urls";
import { PageThumbnail } from "./page-thumbnail";

/** The pages as thumbnails, in print order; the current one marked. */
export function PageStrip({ edition, current }: { edition: PrintEdition; current?: number }) {
  return (
    <nav className="print-strip" aria-label="本期版面">
      <ol>
        {edition.pages.map((p) => (
          <li key={p.position}>
            <Link
              href={printPagePath(edition.slug, p.position)}
              aria-current={p.position === current ? "page" : undefined}
            >
              {p.image ? (
                <PageThumbnail image={p.image} />
              ) : (
                <span className="print-strip-text" aria-hidden="true">
                  文字版
                </span>
              )}
              <span className="print-strip-label">{pageLabel(p)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
