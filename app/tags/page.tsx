import { IndexPage } from "@/components/listing/index-page";
import { indexPageMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export const generateMetadata = () => indexPageMetadata("tag");

export default function Page() {
  return <IndexPage kind="tag" />;
}
