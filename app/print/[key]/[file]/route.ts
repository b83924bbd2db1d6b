// /print/<key>/<file>: a print page's image or PDF, or an issue's PDF, from the print store
// (lib/print-media.ts). Files are named by the SHA-256 of their source, so they never change.
import { isPublishedPrintKey } from "@/lib/db/pages";
import { printMediaFile, readPrintMedia } from "@/lib/print-media";

type Context = { params: Promise<{ key: string; file: string }> };

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("找不到这个文件。", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { key, file } = await params;
  if (!printMediaFile(key, file) || !(await isPublishedPrintKey(key))) return notFound();
  const media = await readPrintMedia(key, file);
  if (!media) return notFound();
  return new Response(new Uint8Array(media.body), {
    headers: {
      "content-type": media.contentType,
      "content-length": String(media.body.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
