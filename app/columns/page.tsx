import { IndexPage } from "@/components/listing/index-page";
import { indexPageMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export const generateMetadata = () => indexPageMetadata("column");

export default function Page() {
  return <IndexPage kind="column" />;
}
