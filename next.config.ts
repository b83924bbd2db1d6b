import type { NextConfig } from "next";

const config: NextConfig = {
  // Tests and benchmarks build into their own folder so they never clobber the site's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  generateEtags: false,
  compress: false,
  typedRoutes: false,
};

export default config;
