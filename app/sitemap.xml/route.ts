import { serveSitemap } from "@/lib/routes/handlers";

export const revalidate = false;

export function GET() {
  return serveSitemap();
}
