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

/** The part of `value` from `start` to `end`, its marks clipped and moved to match. */
function slice(value: Marked, start: number, end: number): Marked {
  return {
    text: value.text.slice(start, end),
    marks: value.marks
      .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number])
      .filter(([s, e]) => e > s),
  };
}

/** A marked headline split at its spaces into parts kept whole, as HeadlineText does for plain ones. */
export function MarkedHeadline({ value }: { value: Marked }) {
  const parts = [...value.text.matchAll(/[^ \u3000]+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  if (parts.length < 2) return <MarkedText value={value} />;
  return (
    <>
      {parts.map(([start, end], i) => (
        <span key={start}>
          {i > 0 ? " " : null}
          <span className="hl-part">
            <MarkedText value={slice(value, start, end)} />
          </span>
        </span>
      ))}
    </>
  );
}
