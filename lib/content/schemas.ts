import { z } from "zod";
import { areasOverlap } from "./areas";

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

/** Rounding slack when an area meets the page's edge. */
const EPSILON = 1e-9;

/** A fraction of the page's width or height: layout systems export areas this way. */
const fraction = z
  .number()
  .min(0, "must be between 0 and 1, a fraction of the page")
  .max(1, "must be between 0 and 1, a fraction of the page");

/** A story's rectangle on its page, in fractions of the page: left, top, width, height. */
const rectAreaSchema = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .strict()
  .superRefine((r, ctx) => {
    if (r.x + r.width > 1 + EPSILON)
      ctx.addIssue({ code: "custom", path: ["width"], message: "reaches past the page's right edge (x + width > 1)" });
    if (r.y + r.height > 1 + EPSILON)
      ctx.addIssue({ code: "custom", path: ["height"], message: "reaches past the page's bottom (y + height > 1)" });
  });

/** A story's outline on its page: at least three [x, y] points, in fractions of the page. */
const polygonSchema = z.array(z.tuple([fraction, fraction])).min(3, "needs at least three [x, y] points");

/** Sums of fractions to a millionth of the page, so 0.05 + 0.9 stays 0.95. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A point of an area, [x, y] in fractions of the page. */
export type AreaPoint = [number, number];

/**
 * A story on a page: its slug alone, or { slug, area } with a rectangle, or { slug, polygon }.
 * Either reads as { slug, area }, the area as a polygon (a rectangle's four corners) or null.
 */
const pageStorySchema = z.preprocess(
  (v) => (typeof v === "string" ? { slug: v } : v),
  z
    .object({ slug, area: rectAreaSchema.optional(), polygon: polygonSchema.optional() })
    .strict()
    .superRefine((s, ctx) => {
      if (s.area && s.polygon)
        ctx.addIssue({ code: "custom", path: ["polygon"], message: "give the story an area or a polygon, not both" });
    })
    .transform(({ slug, area, polygon }) => ({
      slug,
      area: area
        ? ([
            [area.x, area.y],
            [round(area.x + area.width), area.y],
            [round(area.x + area.width), round(area.y + area.height)],
            [area.x, round(area.y + area.height)],
          ] as AreaPoint[])
        : (polygon ?? null),
    })),
);

/** A page's file from the layout system, in the issue's folder: its PDF, or an image of it. */
const pageFile = (ext: string, what: string) =>
  z.string().regex(new RegExp(`^[\\w.-]+\\.(${ext})$`, "i"), `must be the file name of ${what} in the issue's folder`);

/** One print page: 版次, 版名, who edited and laid it out, its PDF or image, and the stories on it. */
const issuePageSchema = z
  .object({
    /** 版次 as printed: 1, A3, 二. Defaults to the page's place in print order. */
    page: z
      .union([z.number().int().positive(), z.string().regex(/^(?:[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})$/u)])
      .transform(String)
      .optional(),
    /** 版名, e.g. 要闻 */
    name: text.optional(),
    /** e.g. { name: 张三, role: 责任编辑 }, as printed. */
    staff: z.array(z.object({ name, role: text }).strict()).default([]),
    /** The page as the layout system exported it (page-01.pdf); becomes the page's images at ingest. */
    pdf: pageFile("pdf", "a .pdf").optional(),
    /** An image of the page (.jpg, .png, .webp), when there is no PDF. */
    image: pageFile("jpe?g|png|webp", "a .jpg, .png or .webp image").optional(),
    /** The stories on the page, in print order; each optionally with its area. */
    articles: z.array(pageStorySchema).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.pdf && p.image)
      ctx.addIssue({ code: "custom", path: ["image"], message: "give the page a pdf or an image, not both" });
    const marked = (p.articles ?? []).flatMap((s, i) => (s.area ? [{ i, area: s.area }] : []));
    marked.forEach((a, k) => {
      for (const b of marked.slice(0, k)) {
        if (areasOverlap(a.area, b.area))
          ctx.addIssue({
            code: "custom",
            path: ["articles", a.i],
            message: `its area overlaps the area of "${p.articles![b.i]!.slug}" (areas on a page must not overlap)`,
          });
      }
    });
  });

/** content/issues/<date>/issue.yaml: one print issue. */
export const issueFileSchema = z
  .object({
    date: isoDateSchema,
    number: z.number().int().positive().optional(),
    banner: text.optional(),
    /** The pages in print order, each with its stories (when they list them) and their areas. */
    pages: z.array(issuePageSchema).default([]),
    /** Article slugs in print order, when the pages do not list them; the first is the lead story. */
    articles: uniqueList(slug, "article").min(1, "must list at least one article").optional(),
  })
  .strict()
  .superRefine((issue, ctx) => {
    const seenPages = new Map<string, number>();
    issue.pages.forEach((p, i) => {
      const number = p.page ?? String(i + 1);
      if (seenPages.has(number))
        ctx.addIssue({
          code: "custom",
          path: ["pages", i, "page"],
          message: `page ${number} is declared twice (also pages[${seenPages.get(number)}])`,
        });
      seenPages.set(number, i);
    });
    const listing = issue.pages.filter((p) => p.articles);
    if (listing.length === 0) {
      if (!issue.articles)
        ctx.addIssue({
          code: "custom",
          path: ["articles"],
          message: "is required: list the articles in print order, here or under each page (pages[].articles)",
        });
      return;
    }
    if (issue.articles)
      ctx.addIssue({
        code: "custom",
        path: ["articles"],
        message: "the pages list their articles, which gives the print order: remove this list",
      });
    issue.pages.forEach((p, i) => {
      if (!p.articles)
        ctx.addIssue({ code: "custom", path: ["pages", i], message: "lists no articles, while other pages do" });
    });
    const onPage = new Map<string, number>();
    issue.pages.forEach((p, i) =>
      (p.articles ?? []).forEach((s, j) => {
        const other = onPage.get(s.slug);
        if (other !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["pages", i, "articles", j],
            message: `"${s.slug}" is on two pages: pages[${other}] lists it too`,
          });
        onPage.set(s.slug, i);
      }),
    );
  });

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
export type PageStoryEntry = NonNullable<IssuePage["articles"]>[number];
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
export type BylineRole = z.infer<typeof bylineRoleSchema>;
export type Credit = ArticleFrontmatter["bylines"][number];
