import type { PrintPage } from "@/lib/db/pages";
import { AVIF_WIDTHS, PAGE_WIDTHS, PRINT_FILES } from "@/lib/print-media";
import { pageLabel } from "@/lib/seo/print-metadata";
import { articlePath, printMediaPath, storyAreaId } from "@/lib/urls";

/** Width of the SVG's coordinate space; its height follows the page's shape. */
const UNITS = 1000;

const srcSet = (key: string, widths: readonly number[], format: "webp" | "avif") =>
  widths.map((w) => `${printMediaPath(key, PRINT_FILES.image(w, format))} ${w}w`).join(", ");

/**
 * The page image with each story's area as a link over it: an SVG of polygons, each in an <a>
 * named by its headline, so the areas are focusable, outlined on hover and focus, and work
 * without JavaScript. A checkbox (no script) zooms the page inside its own scrolling box.
 */
export function PageFacsimile({ page }: { page: PrintPage & { image: NonNullable<PrintPage["image"]> } }) {
  const { key, width, height } = page.image;
  const tall = (UNITS * height) / width;
  const sizes = "(max-width: 60rem) 100vw, 40rem";
  const largest = PAGE_WIDTHS.at(-1)!;
  return (
    <div className="print-facsimile">
      <input type="checkbox" id="print-zoom" className="print-zoom-toggle" />
      <p className="print-zoom-tools">
        <label htmlFor="print-zoom" className="print-zoom-label">
          放大版面
        </label>
        <a href={printMediaPath(key, PRINT_FILES.image(largest, "webp"))}>查看大图</a>
      </p>
      <div className="print-scroller">
        <div className="print-canvas" style={{ aspectRatio: `${width} / ${height}` }}>
          <picture>
            <source type="image/avif" srcSet={srcSet(key, AVIF_WIDTHS, "avif")} sizes={sizes} />
            <source type="image/webp" srcSet={srcSet(key, PAGE_WIDTHS, "webp")} sizes={sizes} />
            <img
              src={printMediaPath(key, PRINT_FILES.image(800, "webp"))}
              width={width}
              height={height}
              alt={`${pageLabel(page)}版面`}
              className="print-image"
            />
          </picture>
          <svg className="print-areas" viewBox={`0 0 ${UNITS} ${tall}`} aria-label="版面上的文章" role="group">
            {page.stories.map((s) =>
              s.area ? (
                <a key={s.slug} id={storyAreaId(s.slug)} href={articlePath(s.slug)} aria-label={s.title}>
                  <polygon points={s.area.map(([x, y]) => `${x * UNITS},${y * tall}`).join(" ")} />
                </a>
              ) : null,
            )}
          </svg>
        </div>
      </div>
    </div>
  );
}
