import Image from "next/image";
import type { LeadImage as LeadImageData } from "@/lib/db/articles";
import { imageSize, mediaPath } from "@/lib/media";

/**
 * An article's lead photo with its caption and credit. Served from the issue's folder through
 * /media and resized by next/image; `sizes` follows the text column (40rem), or the phone's width less the page's padding.
 */
export async function LeadImage({ issue, image }: { issue: string; image: LeadImageData }) {
  const size = await imageSize(issue, image.src);
  // The content check makes sure the file exists; a file that cannot be read is left out rather than shown broken.
  if (!size) return null;
  return (
    <figure className="lead-image">
      <Image
        src={mediaPath(issue, image.src)}
        alt={image.alt}
        width={size.width}
        height={size.height}
        sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"
        preload
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ? <span className="caption">{image.caption}</span> : null}
          {image.credit ? <span className="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
