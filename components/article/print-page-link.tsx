import { getArticlePrintPage } from "@/lib/db/pages";
import { printStoryPath } from "@/lib/urls";

/** 第N版 and the page's name, linking to the page with this story's area highlighted. */
export function PrintPageLabel({
  issueSlug,
  position,
  number,
  name,
  articleSlug,
}: {
  issueSlug: string;
  position: number;
  number: string;
  name: string | null;
  articleSlug: string;
}) {
  return (
    // A plain link: a full navigation to the fragment is what makes the story's area :target, highlighted.
    <a className="print-page-link" href={printStoryPath(issueSlug, position, articleSlug)}>
      见报：第{number}版{name ? ` ${name}` : ""}
    </a>
  );
}

/** Where the story ran in print, when its issue declares pages; nothing otherwise. */
export async function PrintPageLink({ articleSlug }: { articleSlug: string }) {
  const page = await getArticlePrintPage(articleSlug);
  return page ? <PrintPageLabel {...page} articleSlug={articleSlug} /> : null;
}
