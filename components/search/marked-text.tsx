import type { Marked } from "@/lib/search/snippet";

/** Text with the query's matches wrapped in <mark>; built from ranges, so no HTML is ever injected. */
export function MarkedText({ value }: { value: Marked }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  value.marks.forEach(([start, end], i) => {
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={i}>{value.text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
