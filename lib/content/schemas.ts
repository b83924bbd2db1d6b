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

/**
 * The roles a county paper prints before a writer's or photographer's name.
 * Closed, so a typo (记着) is an error rather than a new role on the site.
 */
export const CREDIT_ROLES = [
  "本报记者",
  "记者",
  "全媒体记者",
  "融媒体记者",
  "融媒记者",
  "见习记者",
  "实习记者",
  "特约记者",
  "本报通讯员",
  "通讯员",
  "特约通讯员",
  "本报特约通讯员",
  "实习生",
  "摄影",
  "摄影记者",
] as const;
export const bylineRoleSchema = z.enum(CREDIT_ROLES, {
  error: () => `must be one of ${CREDIT_ROLES.join(", ")} (the role as printed before the name)`,
});

/**
 * One credited person: a plain name (崔丽娟) or { name: 崔丽娟, role: 记者 }.
 * Both read as { name, role }, role null when none was printed.
 */
const credit = z.preprocess(
  (v) => (typeof v === "string" ? { name: v } : v),
  z
    .object({ name, role: bylineRoleSchema.nullable().default(null) })
    .strict()
    .transform(({ name, role }) => ({ name, role })),
);

/** A list of credits in print order, each person once. */
const creditList = (what: string) =>
  z.array(credit).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ name }, i) => {
      if (seen.has(name)) ctx.addIssue({ code: "custom", path: [i], message: `lists the ${what} "${name}" twice` });
      seen.add(name);
    });
  });

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

/** One print page as its header printed it: 版次, 版名, and who edited, laid out and proofread it. */
const issuePageSchema = z
  .object({
    /** 版次 as printed: 1, A3, 二. */
    page: z
      .union([z.number().int().positive(), z.string().regex(/^(?:[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})$/u)])
      .transform(String)
      .optional(),
    /** 版名, e.g. 要闻 */
    name: text.optional(),
    /** e.g. { name: 张三, role: 责任编辑 }, as printed. */
    staff: z.array(z.object({ name, role: text }).strict()).default([]),
  })
  .strict();

/** content/issues/<date>/issue.yaml: one print issue. */
export const issueFileSchema = z
  .object({
    date: isoDateSchema,
    number: z.number().int().positive().optional(),
    banner: text.optional(),
    /** The pages and their editors, as the page headers printed them. */
    pages: z.array(issuePageSchema).default([]),
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
    /** Writers, in print order: 王磊 or { name: 王磊, role: 记者 }. */
    bylines: creditList("byline").default([]),
    /** Photographers credited in print (记者 王磊 摄), kept apart from the writers. */
    photoCredits: creditList("photo credit").default([]),
    /** Where a reprinted story comes from (来源：新华社). */
    source: text.optional(),
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
export type IssuePage = IssueFile["pages"][number];
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type BylineRole = z.infer<typeof bylineRoleSchema>;
export type Credit = ArticleFrontmatter["bylines"][number];
