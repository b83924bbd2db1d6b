// /media/<issue>/<file>: an article's lead image, straight from the issue's content folder.
// Only files that a visible article names are served; next/image resizes them from here.
import { isPublishedImage } from "@/lib/db/articles";
import { mediaFile, readMedia } from "@/lib/media";
import { decodeParam } from "@/lib/route-params";

type Context = { params: Promise<{ issue: string; file: string }> };

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("找不到这张图片。", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const raw = await params;
  const issue = decodeParam(raw.issue);
  const file = decodeParam(raw.file);
  if (!issue || !file || !mediaFile(issue, file)) return notFound();
  if (!(await isPublishedImage(issue, file))) return notFound();
  const media = await readMedia(issue, file);
  if (!media) return notFound();
  return new Response(new Uint8Array(media.body), {
    headers: {
      "content-type": media.contentType,
      "content-length": String(media.body.length),
      // A photo is published under its file name once; to change it, an editor gives the new one a new name.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
