import Link from "next/link";
import type { Credit } from "@/lib/db/articles";
import { authorPath } from "@/lib/urls";

/** Bylines as links to their authors' pages, each after its printed role (记者 王磊) when it has one. */
export function BylineLinks({ names, credits }: { names?: string[]; credits?: Credit[] }) {
  const people = credits ?? (names ?? []).map((name) => ({ name, role: null }));
  if (people.length === 0) return null;
  return (
    <span className="bylines">
      {people.map(({ name, role }, i) => (
        <span key={name}>
          {i > 0 ? " " : null}
          {role ? <span className="byline-role">{role} </span> : null}
          <Link href={authorPath(name)} rel="author">
            {name}
          </Link>
        </span>
      ))}
    </span>
  );
}

/** Photographers as printed: 摄影 张三, or with their role (记者 张三 摄). */
export function PhotoCredits({ credits }: { credits: Credit[] }) {
  if (credits.length === 0) return null;
  return (
    <span className="photo-credits">
      摄影：{credits.map((c) => (c.role ? `${c.role} ${c.name}` : c.name)).join(" ")}
    </span>
  );
}
