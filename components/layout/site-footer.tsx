import Link from "next/link";
import { site } from "@/lib/site";
import { issuesPath } from "@/lib/urls";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        {site.name} · {site.description}
      </p>
      <p>
        <Link href={issuesPath()}>往期报纸</Link>
      </p>
    </footer>
  );
}
