/**
 * A headline whose parts are separated by spaces (创新引领发展 打造行业标杆), each part an inline block so a line
 * breaks at the space and keeps each part whole where it fits; text-wrap: balance (globals.css) evens the lines.
 */
export function HeadlineText({ title }: { title: string }) {
  const parts = title.split(/[ \u3000]+/).filter(Boolean);
  if (parts.length < 2) return <>{title}</>;
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 ? " " : null}
          <span className="hl-part">{p}</span>
        </span>
      ))}
    </>
  );
}
