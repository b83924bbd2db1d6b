import { AboutPage } from "@/components/layout/about-page";
import { aboutMetadata } from "@/lib/seo/metadata";

export const revalidate = 60;

export const generateMetadata = () => aboutMetadata();

export default function Page() {
  return <AboutPage />;
}
