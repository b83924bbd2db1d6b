import Link from "next/link";
import type { PrintPage } from "@/lib/db/pages";
import { articlePath, storyAreaId } from "@/lib/urls";

/** A page without a PDF or image: its stories as text, in print order, never an imitation of the page. */
export function TextPage({ page }: { page: PrintPage }) {
  return (
    <section className="print-textpage" aria-labelledby="print-textpage-heading">
      <h2 id="print-textpage-heading">本版文章</h2>
      <p className="print-note">本版没有版面图，下面是本版刊登的文章。</p>
      <ol>
        {page.stories.map((s) => (
          <li key={s.slug} id={storyAreaId(s.slug)}>
            {s.kicker ? <p className="kicker">{s.kicker}</p> : null}
            <h3>
              <Link href={articlePath(s.slug)}>{s.title}</Link>
            </h3>
            {s.subtitle ? <p className="subtitle">{s.subtitle}</p> : null}
            <p className="excerpt">{s.excerpt}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
