"use client";

import { site } from "@/lib/site";
import { HOME_PATH, issuesPath, searchPath } from "@/lib/urls";
import "./globals.css";

/**
 * The last resort, when the root layout itself fails (for instance the database is down while the
 * header's sections load). It replaces the whole document, so it carries its own masthead, built
 * without data, and plain links, which work even when the page's scripts do not.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <head>
        <title>{`页面暂时无法显示 · ${site.name}`}</title>
      </head>
      <body>
        <header className="site-header">
          <div className="masthead">
            <a href={HOME_PATH} className="masthead-name">
              {site.name}
            </a>
            <span className="masthead-tagline">{site.tagline}</span>
          </div>
          <nav aria-label="版块" className="section-nav">
            <ul>
              <li>
                <a href={HOME_PATH}>首页</a>
              </li>
              <li>
                <a href={issuesPath()}>往期</a>
              </li>
              <li>
                <a href={searchPath()}>搜索</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" className="site-main">
          <section className="empty-state error-page" aria-labelledby="error-heading">
            <h1 id="error-heading">页面暂时无法显示</h1>
            <p>抱歉，网站暂时出了问题。请稍后重试，或回到首页。</p>
            <p>
              <button type="button" className="button" onClick={() => retry()}>
                重试
              </button>
            </p>
          </section>
        </main>
        <footer className="site-footer">
          <p>{site.name}</p>
        </footer>
      </body>
    </html>
  );
}
