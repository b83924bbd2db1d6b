"use client";

import { ServerErrorNotice } from "@/components/layout/server-error-notice";

/**
 * A page that failed to render during client-side navigation, inside the site's layout (header,
 * sections, footer stay). A page loaded directly that fails gets app/server-error instead, sent by
 * the server (lib/server/server-error-page.ts), which reads without JavaScript. In production
 * Next.js only forwards a digest, which matches the server's log line; never the message or stack.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;
  return (
    <ServerErrorNotice
      digest={digest}
      retry={
        <button type="button" className="button" onClick={() => retry()}>
          重试
        </button>
      }
    />
  );
}
