import { isoDate } from "@/lib/format";
import { site } from "@/lib/site";

/** Whether `now` is one of the mourning days (Beijing dates, YYYY-MM-DD) of content/site.yaml. */
export const isMourningDay = (days: readonly string[], now: Date) => days.includes(isoDate(now));

/**
 * A tiny date check in <head>: a page cached before the day (pages stay statically cached) still turns grey on
 * the day, and a page rendered on the day stops being grey after it. Nothing is sent when there are no days.
 */
export function mourningScript(days: readonly string[]): string | null {
  if (days.length === 0) return null;
  return `(function(){try{var t=new Intl.DateTimeFormat("sv-SE",{timeZone:${JSON.stringify(site.timeZone)}}).format(new Date());document.documentElement.classList.toggle("mourning",${JSON.stringify(days)}.indexOf(t)>=0)}catch(e){}})()`;
}
