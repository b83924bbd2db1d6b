import type { NextConfig } from "next";
import { checkEnv } from "./lib/env";

const config: NextConfig = {
  // Tests and benchmarks build into their own folder so they never clobber the site's build.
  distDir: checkEnv().NEXT_DIST_DIR,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // Hot pages are answered from the front's micro-cache (lib/server/front.ts); Next's own copies in
  // memory serve only the rest, read from disk otherwise: 16 MB instead of the default 50.
  cacheMaxMemorySize: 16 * 2 ** 20,
  generateEtags: false,
  // Responses are gzipped when the browser asks; the micro-cache keeps each encoding apart.
  compress: true,
  typedRoutes: false,
  images: {
    // Lead images come only from the issue folders, through app/media/[issue]/[file]/route.ts.
    localPatterns: [{ pathname: "/media/**", search: "" }],
    formats: ["image/webp"],
    // A story's photo is at most the text column's width (40rem) at 2x, or a phone's full width.
    deviceSizes: [360, 640, 750, 828, 1080, 1280, 1920],
  },
};

export default config;
