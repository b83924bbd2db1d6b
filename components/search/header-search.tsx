import { searchPath } from "@/lib/urls";

/** The search box in every page's header: a plain GET form, so it works without JavaScript. */
export function HeaderSearch() {
  return (
    <form role="search" action={searchPath()} method="get" className="header-search">
      <label htmlFor="header-q" className="visually-hidden">
        搜索报道
      </label>
      <input id="header-q" name="q" type="search" placeholder="搜索报道" maxLength={100} />
      <button type="submit">搜索</button>
    </form>
  );
}
