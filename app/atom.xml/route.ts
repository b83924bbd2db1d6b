import { serveFeed } from "@/lib/routes/handlers";

// Cached like the pages: regenerated at most once a minute, and dropped by an ingest's revalidatePath("/", "layout").
export const revalidate = false;

export function GET() {
  return serveFeed("atom");
}
