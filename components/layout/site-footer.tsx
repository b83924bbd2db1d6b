import Link from "next/link";
import { getSiteInfo } from "@/lib/site-info";
import { ABOUT_PATH, issuesPath, listingIndexPath } from "@/lib/urls";
import { PaperInfo } from "./paper-info";

/** The paper's own information (content/site.yaml) and the ways to browse it. */
export function SiteFooter() {
  const info = getSiteInfo();
  return (
    <footer className="site-footer">
      <nav aria-label="浏览" className="footer-nav">
        <ul>
          <li>
            <Link href={listingIndexPath("section")}>版块</Link>
          </li>
          <li>
            <Link href={listingIndexPath("column")}>栏目</Link>
          </li>
          <li>
            <Link href={listingIndexPath("tag")}>标签</Link>
          </li>
          <li>
            <Link href={listingIndexPath("author")}>作者</Link>
          </li>
          <li>
            <Link href={issuesPath()}>往期报纸</Link>
          </li>
          <li>
            <Link href={ABOUT_PATH}>关于本报</Link>
          </li>
        </ul>
      </nav>
      <p className="footer-name">{info.name}</p>
      <PaperInfo info={info} />
      <p className="copyright">{info.copyright}</p>
    </footer>
  );
}
