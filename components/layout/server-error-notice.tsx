import Link from "next/link";
import type { ReactNode } from "react";
import { HOME_PATH, issuesPath, searchPath } from "@/lib/urls";

/** What a reader sees when a page failed to render: an apology, a retry and ways onwards; never the error itself. */
export function ServerErrorNotice({ retry, digest }: { retry: ReactNode; digest?: string | null }) {
  return (
    <section className="empty-state error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">页面暂时无法显示</h1>
      <p>抱歉，服务器在准备这个页面时出了问题。请稍后重试，或从下面的链接继续阅读。</p>
      <p>{retry}</p>
      <p>
        <Link href={HOME_PATH}>回到首页</Link> · <Link href={issuesPath()}>查看往期报纸</Link> ·{" "}
        <Link href={searchPath()}>搜索报道</Link>
      </p>
      {digest ? <p className="error-digest">错误编号：{digest}</p> : null}
    </section>
  );
}
