import Link from "next/link";
import type { PrintEdition } from "@/lib/db/pages";
import { PRINT_FILES, THUMB_WIDTH } from "@/lib/print-media";
import { pageLabel } from "@/lib/seo/print-metadata";
import { printMediaPath, printPagePath } from "@/lib/urls";

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
                // eslint-disable-next-line @next/next/no-img-element -- a thumbnail the ingest rendered at this width
                <img
                  src={printMediaPath(p.image.key, PRINT_FILES.image(THUMB_WIDTH, "webp"))}
                  width={THUMB_WIDTH}
                  height={Math.round((THUMB_WIDTH * p.image.height) / p.image.width)}
                  alt=""
                  loading="lazy"
                />
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
