import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { isMourningDay, mourningScript } from "@/components/layout/mourning";
import { PreviewBanner } from "@/components/layout/preview-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { TEXT_SIZE_SCRIPT } from "@/components/layout/text-size";
import { rootMetadata } from "@/lib/seo/metadata";
import { getSiteInfo } from "@/lib/site-info";
import "./globals.css";

// Title template, metadataBase (SITE_ORIGIN), the site's feeds and card defaults: lib/seo/metadata.ts.
export const metadata: Metadata = rootMetadata();

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  const { mourning } = getSiteInfo();
  const mourningCheck = mourningScript(mourning);
  // A page rendered on a mourning day is grey without scripts too (a render's "now": pages revalidate each
  // minute); the script corrects a copy cached before or after the day.
  const grey = isMourningDay(mourning, new Date());
  return (
    // The inline scripts set classes and attributes on <html> before React hydrates; the DOM keeps them.
    <html lang="zh-CN" className={grey ? "mourning" : undefined} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: TEXT_SIZE_SCRIPT }} />
        {mourningCheck ? <script dangerouslySetInnerHTML={{ __html: mourningCheck }} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <PreviewBanner />
        <SiteHeader />
        {/* tabIndex -1: the skip link moves keyboard focus here, not just the scroll position. */}
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
