/** The paper's name and voice, used in the header, titles and metadata. */
export const site = {
  name: "左权报",
  tagline: "左权县新闻门户 · 每期报纸全文",
  description: "左权县新闻门户：每期报纸的全部文章，按版块、栏目、标签与作者浏览。",
  locale: "zh-CN",
  /** China Standard Time: issue dates are the paper's local dates. */
  timeZone: "Asia/Shanghai",
} as const;
