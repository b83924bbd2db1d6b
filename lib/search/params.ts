import { z } from "zod";
import { isoDateSchema } from "../content/schemas";

// The search page's URL and /api/search take the same parameters, validated here once.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .transform((s) => s || undefined)
    .optional();

const optionalDate = z.union([z.literal("").transform(() => undefined), isoDateSchema]).optional();

/** Longest query accepted; longer ones get a clear message instead of a slow search. */
export const MAX_QUERY_LENGTH = 100;
export const MAX_PAGE = 500;

export const searchParamsSchema = z
  .object({
    q: optionalText(MAX_QUERY_LENGTH),
    section: optionalText(64),
    author: optionalText(32),
    column: optionalText(64),
    tag: optionalText(32),
    issue: optionalDate,
    from: optionalDate,
    to: optionalDate,
    page: z
      .string()
      .regex(/^\d+$/, "必须是正整数")
      .transform(Number)
      .pipe(z.number().int().min(1, "必须从 1 开始").max(MAX_PAGE, `不能超过 ${MAX_PAGE}`))
      .optional()
      .default(1),
  })
  .superRefine((p, ctx) => {
    if (p.from && p.to && p.from > p.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "不能早于起始日期 from" });
  });

export type SearchParams = z.infer<typeof searchParamsSchema>;
export const SEARCH_PARAM_NAMES = ["q", "section", "author", "column", "tag", "issue", "from", "to", "page"] as const;

export type ParsedSearchParams =
  | { ok: true; params: SearchParams }
  | { ok: false; errors: { param: string; message: string }[]; params: SearchParams };

/**
 * Reads search parameters from a URL's query (repeated names keep their first value).
 * On failure returns the messages, each naming its parameter, and the valid rest.
 */
export function parseSearchParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): ParsedSearchParams {
  const raw: Record<string, string> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const value = input instanceof URLSearchParams ? input.get(name) : input[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) raw[name] = first;
  }
  const result = searchParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  const errors = result.error.issues.map((i) => {
    const param = String(i.path[0] ?? "query");
    // Dates come from the shared content schema, whose messages are in English.
    const message = /YYYY-MM-DD|calendar date|Invalid/.test(i.message) ? "必须是 YYYY-MM-DD 格式的有效日期" : i.message;
    return { param, message: `${param} ${message}` };
  });
  const bad = new Set(errors.map((e) => e.param));
  const rest = searchParamsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  return { ok: false, errors, params: rest.success ? rest.data : { page: 1 } };
}
