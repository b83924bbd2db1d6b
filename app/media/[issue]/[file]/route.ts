// /media/<issue>/<file>: an article's lead image, straight from the issue's content folder.
// Only files that a visible article names are served; next/image resizes them from here.
// A photo is published under its file name once; to change it, an editor gives the new one a new name.
import { isPublishedImage } from "@/lib/db/articles";
import { mediaFile, readMedia } from "@/lib/media";
import { decodeParam } from "@/lib/route-params";
import { fileNotFound, immutableFile } from "@/lib/routes/files";

type Context = { params: Promise<{ issue: string; file: string }> };

export const dynamic = "force-dynamic";

const notFound = () => fileNotFound("找不到这张图片。");

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const raw = await params;
  const issue = decodeParam(raw.issue);
  const file = decodeParam(raw.file);
  if (!issue || !file || !mediaFile(issue, file)) return notFound();
  if (!(await isPublishedImage(issue, file))) return notFound();
  const media = await readMedia(issue, file);
  return media ? immutableFile(media) : notFound();
}
