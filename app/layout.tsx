import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { PreviewBanner } from "@/components/layout/preview-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { TEXT_SIZE_SCRIPT } from "@/components/layout/text-size";
import { rootMetadata } from "@/lib/seo/metadata";
import "./globals.css";

// Title template, metadataBase (SITE_ORIGIN), the site's feeds and card defaults: lib/seo/metadata.ts.
export const metadata: Metadata = rootMetadata();

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The inline script sets a class and the saved text size on <html> before React hydrates; the DOM keeps them.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: TEXT_SIZE_SCRIPT }} />
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
