import { serveSitemap } from "@/lib/routes/handlers";

export const revalidate = 60;

export function GET() {
  return serveSitemap();
}
