import Link from "next/link";
import { kindNames, listIndex, type ListingKind } from "@/lib/db/listings";
import { HOME_PATH, listingPath } from "@/lib/urls";
import { Breadcrumbs } from "../layout/breadcrumbs";

/** /sections, /columns, /tags, /authors: every entry with its number of stories, as a dense grid of links. */
export async function IndexPage({ kind }: { kind: ListingKind }) {
  const entries = await listIndex(kind);
  const name = kindNames[kind];
  const total = entries.length;
  return (
    <>
      <Breadcrumbs trail={[{ name: "首页", href: HOME_PATH }, { name }]} />
      <header className="listing-header">
        <h1>全部{name}</h1>
        <p className="listing-count">
          共 {total} 个{name}
        </p>
      </header>
      {total === 0 ? (
        <p className="empty-state compact">还没有{name}。</p>
      ) : (
        <ul className={kind === "section" || kind === "column" ? "index-list described" : "index-list"}>
          {entries.map((e) => (
            <li key={e.key}>
              <Link href={listingPath(kind, e.key)}>
                <span className="index-name">{e.name}</span>
                <span className="index-count">{e.count} 篇</span>
              </Link>
              {e.description ? <p className="index-description">{e.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
