import type { SearchParams } from "@/lib/search/params";
import { MAX_QUERY_LENGTH } from "@/lib/search/params";
import { searchPath } from "@/lib/urls";

const hasFilters = (p: Partial<SearchParams>) =>
  !!(p.section || p.column || p.author || p.tag || p.issue || p.from || p.to);

interface Option {
  slug: string;
  name: string;
}

/** A filter chosen from a list (sections, columns), "all" first. */
function ChoiceFilter({
  label,
  name,
  value,
  all,
  choices,
}: {
  label: string;
  name: string;
  value: string | undefined;
  all: string;
  choices: Option[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The search page's form: one search box, with every filter folded behind 高级搜索 (a <details>, so it opens
 * without JavaScript; open when a filter is set). A GET form whose URL holds the whole query; the page redirects
 * away the empty fields it sends.
 */
export function SearchForm({
  params,
  sections,
  columns,
}: {
  params: Partial<SearchParams>;
  sections: Option[];
  columns: Option[];
}) {
  return (
    <form action={searchPath()} method="get" className="search-form" role="search" aria-label="搜索报道">
      <div className="search-main">
        <label htmlFor="search-q" className="visually-hidden">
          关键词
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q ?? ""}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="如：乡村振兴 网格"
        />
        <button type="submit">搜索</button>
      </div>
      <details className="search-advanced" open={hasFilters(params)}>
        <summary>高级搜索</summary>
        <fieldset className="search-filters">
          <legend className="visually-hidden">筛选</legend>
          <ChoiceFilter label="版块" name="section" value={params.section} all="全部版块" choices={sections} />
          <ChoiceFilter label="栏目" name="column" value={params.column} all="全部栏目" choices={columns} />
          <label>
            作者
            <input name="author" type="text" defaultValue={params.author ?? ""} maxLength={32} placeholder="署名" />
          </label>
          <label>
            标签
            <input name="tag" type="text" defaultValue={params.tag ?? ""} maxLength={32} />
          </label>
          <label>
            期次
            <input name="issue" type="date" defaultValue={params.issue ?? ""} />
          </label>
          <label>
            起始日期
            <input name="from" type="date" defaultValue={params.from ?? ""} />
          </label>
          <label>
            截止日期
            <input name="to" type="date" defaultValue={params.to ?? ""} />
          </label>
        </fieldset>
      </details>
    </form>
  );
}
