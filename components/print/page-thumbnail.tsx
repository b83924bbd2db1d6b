import type { PrintPage } from "@/lib/db/pages";
import { PRINT_FILES, THUMB_WIDTH } from "@/lib/print-media";
import { printMediaPath } from "@/lib/urls";

/** A print page's thumbnail, as the ingest rendered it; decorative: the link around it names the page. */
export function PageThumbnail({ image }: { image: NonNullable<PrintPage["image"]> }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a thumbnail the ingest rendered at this width
    <img
      src={printMediaPath(image.key, PRINT_FILES.image(THUMB_WIDTH, "webp"))}
      width={THUMB_WIDTH}
      height={Math.round((THUMB_WIDTH * image.height) / image.width)}
      alt=""
      loading="lazy"
    />
  );
}
