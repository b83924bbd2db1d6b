import { serveSitemapPart } from "@/lib/routes/handlers";

type Context = { params: Promise<{ file: string }> };

export const revalidate = false;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveSitemapPart((await params).file);
}
