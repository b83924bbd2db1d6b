import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSiteInfo, SITE_INFO_FILE, type SiteInfo } from "./content/site-info";
import { env } from "./env";
import { site } from "./site";

let loaded: SiteInfo | null = null;

/**
 * The paper's information from content/site.yaml, read and validated once per server (it changes with a restart).
 * Its name must be lib/site.ts's, which titles, feeds and the client-side error page use without reading files.
 */
export function getSiteInfo(): SiteInfo {
  if (loaded) return loaded;
  const file = path.join(env().CONTENT_DIR, SITE_INFO_FILE);
  const info = parseSiteInfo(readFileSync(file, "utf8"), file);
  if (info.name !== site.name)
    throw new Error(`${file}: name "${info.name}" differs from lib/site.ts ("${site.name}")`);
  loaded = info;
  return info;
}
