import { z } from "zod";

// One zod schema per content file kind; the TypeScript types below come from them.

const text = z.string().trim().min(1, "must not be empty");
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens, e.g. xiangcun-zhenxing");
/** Tag and byline names appear in URLs as themselves, so they may not contain URL-reserved characters. */
const name = text.refine((s) => !/[/?#%\\]/.test(s), "must not contain / ? # % or \\");

/** A calendar date written YYYY-MM-DD; also used by the search parameters. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real calendar date",
  );

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((value, i) => {
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: [i], message: `lists the ${what} "${value}" twice` });
      seen.add(value);
    });
  });
}

/** content/sections.yaml: the sections (版块), in navigation order. */
export const sectionsFileSchema = z
  .array(z.object({ slug, name: text, description: text }).strict())
  .min(1, "must declare at least one section");

/** content/columns.yaml: running columns (栏目); they span issues. */
export const columnsFileSchema = z.array(z.object({ slug, name: text, description: text }).strict());

/** content/issues/<date>/issue.yaml: one print issue. */
export const issueFileSchema = z
  .object({
    date: isoDateSchema,
    number: z.number().int().positive().optional(),
    banner: text.optional(),
    /** Article slugs in print order; the first is the lead story. */
    articles: uniqueList(slug, "article").min(1, "must list at least one article"),
  })
  .strict();

/** Frontmatter of content/issues/<date>/<slug>.md: one article. */
export const articleFrontmatterSchema = z
  .object({
    title: text,
    /** Defaults to the file name. */
    slug: slug.optional(),
    kicker: text.optional(),
    subtitle: text.optional(),
    /** e.g. 本报讯 */
    dateline: text.optional(),
    section: slug,
    column: slug.optional(),
    bylines: uniqueList(name, "byline").default([]),
    tags: uniqueList(name, "tag").default([]),
    /** A draft is kept out of every public page, list, search result and count. */
    draft: z.boolean().default(false),
    /** Publication time with its UTC offset; a future one keeps the article hidden until then. Defaults to the issue's date. */
    publishAt: z.iso
      .datetime({ offset: true, message: "must be a date and time with its offset, e.g. 2022-12-20T08:00:00+08:00" })
      .optional(),
    /** Slugs this article had before; their URLs redirect here permanently. */
    oldSlugs: uniqueList(slug, "old slug").default([]),
    /** Dated corrections, shown at the article's end. */
    corrections: z.array(z.object({ date: isoDateSchema, text }).strict()).default([]),
    /** A lead image: a file beside the article in its issue folder. */
    image: z
      .object({
        src: z
          .string()
          .regex(
            /^[\w.-]+\.(jpe?g|png|webp|avif)$/i,
            "must be the file name of a .jpg, .png, .webp or .avif image in the issue's folder",
          ),
        alt: text,
        caption: text.optional(),
        credit: text.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SectionEntry = z.infer<typeof sectionsFileSchema>[number];
export type ColumnEntry = z.infer<typeof columnsFileSchema>[number];
export type IssueFile = z.infer<typeof issueFileSchema>;
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
