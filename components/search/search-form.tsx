import type { SearchParams } from "@/lib/search/params";
import { MAX_QUERY_LENGTH } from "@/lib/search/params";

interface Option {
  slug: string;
  name: string;
}

/** The full search form: free text and every filter, as a GET form whose URL holds the whole query. */
export function SearchForm({ params, sections, columns }: { params: Partial<SearchParams>; sections: Option[]; columns: Option[] }) {
  return (
    <form action="/search" method="get" className="search-form" role="search" aria-label="搜索报道">
      <div className="search-main">
        <label htmlFor="search-q">关键词</label>
        <input id="search-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={MAX_QUERY_LENGTH} placeholder="如：乡村振兴 网格" />
        <button type="submit">搜索</button>
      </div>
      <fieldset className="search-filters">
        <legend>筛选</legend>
        <label>
          版块
          <select name="section" defaultValue={params.section ?? ""}>
            <option value="">全部版块</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          栏目
          <select name="column" defaultValue={params.column ?? ""}>
            <option value="">全部栏目</option>
            {columns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
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
    </form>
  );
}
