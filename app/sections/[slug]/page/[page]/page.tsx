import { listingRoute } from "@/lib/routes/listing-route";

export const revalidate = false;
export const generateStaticParams = () => [];

const route = listingRoute("section", "slug");
export const generateMetadata = route.generateMetadata;
export default route.Page;
