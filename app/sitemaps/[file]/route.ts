import { serveSitemapPart } from "@/lib/seo/routes";

type Context = { params: Promise<{ file: string }> };

export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: Context) {
  return serveSitemapPart((await params).file);
}
