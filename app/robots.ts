import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/origin";
import { API_PREFIX, NEWS_SITEMAP_PATH, SITEMAP_PATH, searchPath } from "@/lib/urls";

// Regenerated like the pages, so a SITE_ORIGIN set only when the server starts (not at build) still shows here.
export const revalidate = false;

/** robots.txt: everything readers see may be crawled, the search page too; search results and the API may not. Both sitemaps are named. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: [API_PREFIX, `${searchPath()}?`] },
    sitemap: [absoluteUrl(SITEMAP_PATH), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
