import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { listColumns, listSections } from "@/lib/db/listings";
import { parseSearchParams } from "@/lib/search/params";
import { searchArticles } from "@/lib/search/search";
import { searchMetadata } from "@/lib/seo/metadata";
import { cleanSearchUrl } from "@/lib/urls";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = await searchParams;
  const { params } = parseSearchParams(raw);
  return searchMetadata(
    params.q,
    Object.values(raw).some((v) => v !== undefined),
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  // A plain GET form sends its untouched fields as empty parameters: answer with the short, shareable URL.
  const clean = cleanSearchUrl(raw);
  if (clean) redirect(clean);
  const parsed = parseSearchParams(raw);
  const [sections, columns, response] = await Promise.all([
    listSections(),
    listColumns(),
    parsed.ok ? searchArticles(parsed.params) : null,
  ]);
  return (
    <div className="search-page">
      <h1>搜索</h1>
      <SearchForm params={parsed.params} sections={sections} columns={columns} />
      {parsed.ok && response ? (
        <SearchResults params={parsed.params} response={response} />
      ) : (
        <div role="alert" className="search-error">
          <p>搜索条件有误，请修改后重试：</p>
          <ul>{!parsed.ok ? parsed.errors.map((e) => <li key={e.param}>{e.message}</li>) : null}</ul>
        </div>
      )}
    </div>
  );
}
