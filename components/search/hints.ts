import type { SearchParams } from "@/lib/search/params";

/**
 * What to try after a search that found nothing, from what the search asked: each hint fits the query above it
 * (a one-character query is not told to shorten itself).
 */
export function emptySearchHints(p: Partial<SearchParams>): string[] {
  const hints: string[] = [];
  const q = p.q?.trim() ?? "";
  const terms = q.split(/\s+/).filter(Boolean);
  if (q && [...q].length === 1) hints.push("单个字只在标题中查找，试试两个字以上的词");
  else if (terms.length > 1) hints.push("试试减少关键词");
  else if ([...q].length > 4) hints.push("试试更短的关键词");
  if (p.section || p.column || p.author || p.tag || p.issue) hints.push("去掉一些筛选条件");
  if (p.from || p.to) hints.push("检查日期范围");
  if (hints.length === 0) hints.push("换一个说法试试");
  return hints;
}
