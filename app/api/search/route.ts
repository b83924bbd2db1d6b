import { searchApiAnswer } from "@/lib/search/api";

/** GET /api/search (lib/search/api.ts); the production server's front answers it before this route. */
export async function GET(request: Request) {
  const { status, headers, body } = await searchApiAnswer(new URL(request.url).searchParams);
  return new Response(body, { status, headers });
}
