import { feedRoute } from "@/lib/routes/handlers";

export const revalidate = 60;
// Generated on first request, then cached like the section page.
export const generateStaticParams = () => [];

export const GET = feedRoute("atom", "section", "slug");
