import { revalidatePath } from "next/cache";
import { isRevalidationAuthorized } from "@/lib/revalidation";

/** Called by the ingest: every reader page may show changed content, so the whole cache goes. */
export async function POST(request: Request) {
  if (!isRevalidationAuthorized(request.headers.get("authorization"))) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true, at: new Date().toISOString() });
}
