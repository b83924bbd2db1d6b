import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Structured data for search engines: one <script type="application/ld+json">, its text escaped by serializeJsonLd. */
export function JsonLd({ data }: { data: object | readonly object[] | null | undefined }) {
  if (!data) return null;
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
