import { serveFeed } from "@/lib/routes/handlers";

type Context = { params: Promise<{ slug: string }> };

export const revalidate = 60;
// Generated on first request, then cached like the section page.
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveFeed("rss", "section", (await params).slug);
}
