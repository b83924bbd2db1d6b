import { AboutPage } from "@/components/layout/about-page";
import { aboutMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export const generateMetadata = () => aboutMetadata();

export default function Page() {
  return <AboutPage />;
}
