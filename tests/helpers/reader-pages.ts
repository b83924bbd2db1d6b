import { E2E_EXTRA, E2E_IMAGE } from "./e2e-content";

/** One page of every kind a reader meets, on the e2e site (content/ plus the synthetic issue). */
export const PAGE_KINDS = [
  { kind: "front", path: "/" },
  { kind: "issue-archive", path: "/issues" },
  { kind: "issue", path: "/issues/2022-12-20" },
  { kind: "article", path: "/articles/jinyu-shuini-chuangxin" },
  { kind: "article-with-image", path: `/articles/${E2E_IMAGE.slug}` },
  { kind: "section", path: "/sections/industry" },
  { kind: "column", path: "/columns/ershida-jingshen-zai-jinzhong" },
  { kind: "tag", path: `/tags/${encodeURIComponent(E2E_EXTRA.tag)}` },
  { kind: "author", path: `/authors/${encodeURIComponent("景亚萱")}` },
  { kind: "search", path: `/search?q=${encodeURIComponent("乳胶")}` },
  { kind: "sections-index", path: "/sections" },
  { kind: "tags-index", path: "/tags" },
  { kind: "about", path: "/about" },
  { kind: "not-found", path: "/articles/no-such-story" },
] as const;
