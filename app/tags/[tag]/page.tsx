import { listingRoute } from "@/lib/routes/listing-route";

export const revalidate = false;
// Rendered on first visit, then served from the cache until an ingest refreshes it.
export const generateStaticParams = () => [];

const route = listingRoute("tag", "tag");
export const generateMetadata = route.generateMetadata;
export default route.Page;
