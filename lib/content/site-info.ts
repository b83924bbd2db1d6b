import { z } from "zod";
import { ContentError } from "./errors";
import { parseLocatedYaml, validateYaml } from "./yaml";

/** What the newsroom has not filled in yet: shown as printed, so a blank is never mistaken for a fact. */
export const BLANK = "（待填写）";

const text = z.string().trim().min(1, "must not be empty (write （待填写） until it is known)");
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "must be a real date",
    },
  );
const filing = z.strictObject({ number: text, url: z.url({ protocol: /^https?$/ }) });

/** content/site.yaml: the paper's own information, shown in the footer and on the about page. */
export const siteInfoSchema = z.strictObject({
  name: text,
  /** 主办单位 */
  publisher: text,
  address: text,
  telephone: text,
  /** 投稿: where readers send stories (an e-mail or postal address). */
  submissions: text,
  /** ICP备案号, linked to the MIIT's register. */
  icp: filing,
  /** 公安备案号, linked to the Ministry of Public Security's register. */
  police: filing,
  copyright: text,
  /** National mourning days (Beijing dates): the whole site turns grey. */
  mourning: z.array(isoDay).default([]),
});

export type SiteInfo = z.infer<typeof siteInfoSchema>;

export const SITE_INFO_FILE = "site.yaml";

/** site.yaml's text → its validated record; a ContentError names file, line and field. */
export function parseSiteInfo(source: string, file = `content/${SITE_INFO_FILE}`): SiteInfo {
  const parsed = parseLocatedYaml(source, file);
  if (!parsed.ok) throw new ContentError(parsed.problems);
  const result = validateYaml(siteInfoSchema, parsed.yaml, file);
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

/** Whether `value` is still the blank marker. */
export const isBlank = (value: string) => value === BLANK;
