"use client";

import Link from "next/link";
import { issuesPath } from "@/lib/urls";

/**
 * A page that failed to render, inside the site's layout (header, sections, footer stay).
 * Readers see an apology, a retry and ways onwards; never the error's message or stack
 * (in production Next.js only forwards a digest, which matches the server's log line).
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section className="empty-state error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">页面暂时无法显示</h1>
      <p>抱歉，服务器在准备这个页面时出了问题。请稍后重试，或从下面的链接继续阅读。</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          重试
        </button>
      </p>
      <p>
        <Link href="/">回到首页</Link> · <Link href={issuesPath()}>查看往期报纸</Link> · <Link href="/search">搜索报道</Link>
      </p>
      {digest ? <p className="error-digest">错误编号：{digest}</p> : null}
    </section>
  );
}
