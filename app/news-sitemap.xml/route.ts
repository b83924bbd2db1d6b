import { serveNewsSitemap } from "@/lib/routes/handlers";

export const revalidate = 60;

export function GET() {
  return serveNewsSitemap();
}
