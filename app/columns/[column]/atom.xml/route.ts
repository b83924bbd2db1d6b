import { feedRoute } from "@/lib/routes/handlers";

export const revalidate = false;
// Generated on first request, then cached like the column page.
export const generateStaticParams = () => [];

export const GET = feedRoute("atom", "column", "column");
