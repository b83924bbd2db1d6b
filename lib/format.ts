import { site } from "./site";

const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: site.timeZone,
  year: "numeric",
  month: "long",
  day: "numeric",
});
const weekdayFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: site.timeZone, weekday: "long" });

/** 2022年12月20日 */
export const formatDate = (d: Date) => dateFormat.format(d);
/** 2022年12月20日 星期二 */
export const formatDateWithWeekday = (d: Date) => `${dateFormat.format(d)} ${weekdayFormat.format(d)}`;
// Made once: a formatter with a time zone takes over 100 times as long to make as to use.
const isoFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: site.timeZone });

/** The date as the paper prints it, in ISO form for <time datetime>. */
export const isoDate = (d: Date) => isoFormat.format(d);
