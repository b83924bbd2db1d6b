import { feedRoute } from "@/lib/routes/handlers";

export const revalidate = false;
// Generated on first request, then cached like the author page.
export const generateStaticParams = () => [];

export const GET = feedRoute("rss", "author", "author");
