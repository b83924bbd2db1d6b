import { serveFeed } from "@/lib/routes/handlers";

type Context = { params: Promise<{ column: string }> };

export const revalidate = 60;
// Generated on first request, then cached like the column page.
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveFeed("atom", "column", (await params).column);
}
