import Link from "next/link";
import { CALENDAR_YEARS, issueMonthPath, issuePath } from "@/lib/urls";
import "./print-edition.css";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

/** The month `delta` months from year/month. */
function shift(year: number, month: number, delta: number) {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function MonthLink({ year, month, children, rel }: { year: number; month: number; children: string; rel?: string }) {
  if (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) return <span>{children}</span>;
  return (
    <Link href={issueMonthPath(year, month)} rel={rel}>
      {children}
    </Link>
  );
}

/**
 * 往期回顾: a month's calendar, weeks from Monday, each day with an issue a link to it; links to the
 * months and years around it. Plain links, so it works without JavaScript and every month is a
 * cached page of its own.
 */
export function IssueCalendar({ year, month, days }: { year: number; month: number; days: string[] }) {
  const prefix = `${year}-${String(month).padStart(2, "0")}-`;
  const withIssue = new Set(days);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const before = shift(year, month, -1);
  const after = shift(year, month, 1);
  return (
    <section className="issue-calendar" aria-labelledby="issue-calendar-heading">
      <h2 id="issue-calendar-heading">
        {year}年{month}月
      </h2>
      <nav aria-label="选择月份" className="issue-calendar-nav">
        <MonthLink year={year - 1} month={month}>
          {`« ${year - 1}年`}
        </MonthLink>
        <MonthLink year={before.year} month={before.month} rel="prev">
          {`‹ ${before.month}月`}
        </MonthLink>
        <MonthLink year={after.year} month={after.month} rel="next">
          {`${after.month}月 ›`}
        </MonthLink>
        <MonthLink year={year + 1} month={month}>
          {`${year + 1}年 »`}
        </MonthLink>
      </nav>
      <table>
        <caption className="visually-hidden">
          {year}年{month}月出版的报纸：有报纸的日期可以点击
        </caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                const slug = day ? `${prefix}${String(day).padStart(2, "0")}` : "";
                return (
                  <td key={d}>
                    {day && withIssue.has(slug) ? (
                      <Link href={issuePath(slug)} aria-label={`${month}月${day}日的报纸`}>
                        {day}
                      </Link>
                    ) : (
                      day
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
