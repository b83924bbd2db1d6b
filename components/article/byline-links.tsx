import Link from "next/link";
import { authorPath } from "@/lib/urls";

export function BylineLinks({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <span className="bylines">
      {names.map((n, i) => (
        <span key={n}>
          {i > 0 ? " " : null}
          <Link href={authorPath(n)} rel="author">
            {n}
          </Link>
        </span>
      ))}
    </span>
  );
}
