import { serveFeed } from "@/lib/routes/handlers";

type Context = { params: Promise<{ tag: string }> };

export const revalidate = 60;
// Generated on first request, then cached like the tag page.
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveFeed("rss", "tag", (await params).tag);
}
