import { serveFeed } from "@/lib/routes/handlers";

type Context = { params: Promise<{ author: string }> };

export const revalidate = 60;
// Generated on first request, then cached like the author page.
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveFeed("atom", "author", (await params).author);
}
