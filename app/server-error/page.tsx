import type { Metadata } from "next";
import { ServerErrorNotice } from "@/components/layout/server-error-notice";
import { RETRY_HREF } from "@/lib/server/server-error-page";

// The page the server sends, with status 500, in place of a page that failed to render when a reader
// loaded it directly (lib/server/server-error-page.ts). Static, and sent without scripts, so it reads
// the same with JavaScript off; retrying is a link to the address the reader asked for.
export const dynamic = "force-static";

export const metadata: Metadata = { title: "页面暂时无法显示", robots: { index: false, follow: true } };

export default function ServerError() {
  return (
    <ServerErrorNotice
      retry={
        <a href={RETRY_HREF} className="button">
          重试
        </a>
      }
    />
  );
}
