// /print/<key>/<file>: a print page's image or PDF, or an issue's PDF, from the print store
// (lib/print-media.ts). Files are named by the SHA-256 of their source, so they never change.
import { isPublishedPrintKey } from "@/lib/db/pages";
import { printMediaFile, readPrintMedia } from "@/lib/print-media";
import { fileNotFound, immutableFile } from "@/lib/routes/files";

type Context = { params: Promise<{ key: string; file: string }> };

export const dynamic = "force-dynamic";

const notFound = () => fileNotFound("找不到这个文件。");

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { key, file } = await params;
  if (!printMediaFile(key, file) || !(await isPublishedPrintKey(key))) return notFound();
  const media = await readPrintMedia(key, file);
  return media ? immutableFile(media) : notFound();
}
