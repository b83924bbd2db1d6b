import { absoluteUrl } from "@/lib/seo/origin";

/** The article's address, shown only on paper (see @media print in globals.css), so a printed story says where it came from. */
export function PrintUrl({ path }: { path: string }) {
  return (
    <p className="print-only print-url">
      本文网址：<span className="print-url-address">{absoluteUrl(path)}</span>
    </p>
  );
}
