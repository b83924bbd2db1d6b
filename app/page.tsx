import { FrontPage as FrontPageView } from "@/components/listing/front-page";
import { JsonLd } from "@/components/seo/json-ld";
import { getLatestIssue, listIssues } from "@/lib/db/issues";
import { listIndex, listSections } from "@/lib/db/listings";
import { frontPageJsonLd } from "@/lib/seo/json-ld";
import { frontPageMetadata } from "@/lib/seo/metadata";

export const revalidate = false;

export function generateMetadata() {
  return frontPageMetadata();
}

export default async function FrontPage() {
  const [issue, sections, issues, tags] = await Promise.all([
    getLatestIssue(),
    listSections(),
    listIssues(1),
    listIndex("tag"),
  ]);
  if (!issue) {
    return (
      <section className="empty-state">
        <h1>还没有发布任何一期报纸</h1>
        <p>编辑部发布第一期后，这里会显示最新一期的报道。</p>
      </section>
    );
  }
  return (
    <>
      <JsonLd data={frontPageJsonLd()} />
      <FrontPageView issue={issue} sections={sections} issues={issues.items} tags={tags} />
    </>
  );
}
