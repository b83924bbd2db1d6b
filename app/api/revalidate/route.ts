import { revalidatePath } from "next/cache";
import { isRevalidationAuthorized, refreshRequestSchema } from "@/lib/revalidation";

/**
 * Called by the ingest with the pages its changes show on (lib/db/page-footprints.ts), or with
 * { all: true } (and by a server at its start, with no body): those cached pages go, nothing else.
 */
export async function POST(request: Request) {
  if (!isRevalidationAuthorized(request.headers.get("authorization"))) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const text = await request.text();
  const parsed = refreshRequestSchema.safeParse(text ? safeJson(text) : { all: true });
  if (!parsed.success)
    return Response.json({ error: "the body must be { all: true } or { paths: [...] }" }, { status: 400 });
  if ("all" in parsed.data) revalidatePath("/", "layout");
  else for (const path of parsed.data.paths) revalidatePath(path);
  const pages = "all" in parsed.data ? "all" : parsed.data.paths.length;
  return Response.json({ revalidated: true, pages, at: new Date().toISOString() });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
