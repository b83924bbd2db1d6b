import Link from "next/link";
import { listSections } from "@/lib/db/listings";
import { site } from "@/lib/site";
import { HOME_PATH, issuesPath, sectionPath } from "@/lib/urls";
import { HeaderSearch } from "../search/header-search";
import { ElderModeControl } from "./elder-mode-control";
import { TextSizeControl } from "./text-size-control";

/**
 * Phone first: the paper's name and 长辈模式 on one line, search and 字号 on the next, the sections in one
 * horizontally scrolling bar. Sized in px (globals.css): the text size scales what is read, not the chrome.
 */
export async function SiteHeader() {
  const sections = await listSections();
  return (
    <header className="site-header">
      <div className="masthead">
        <Link href={HOME_PATH} className="masthead-name">
          {site.name}
        </Link>
        <span className="masthead-tagline">{site.tagline}</span>
        <ElderModeControl />
        <div className="masthead-tools">
          <HeaderSearch />
          <TextSizeControl />
        </div>
      </div>
      <nav aria-label="版块" className="section-nav">
        <ul>
          <li>
            <Link href={HOME_PATH}>首页</Link>
          </li>
          {sections.map((s) => (
            <li key={s.slug}>
              <Link href={sectionPath(s.slug)}>{s.name}</Link>
            </li>
          ))}
          <li>
            <Link href={issuesPath()}>往期</Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
