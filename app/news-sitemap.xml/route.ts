import { serveNewsSitemap } from "@/lib/seo/routes";

export const revalidate = 60;

export function GET() {
  return serveNewsSitemap();
}
