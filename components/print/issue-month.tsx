import Link from "next/link";
import { getLatestIssueRef, listIssueDays } from "@/lib/db/pages";
import { isoDate } from "@/lib/format";
import { issuesPath } from "@/lib/urls";
import { IssueCalendar } from "./issue-calendar";

/** One month's calendar, as its own page (/issues/months/2022-12). */
export async function IssueMonth({ year, month }: { year: number; month: number }) {
  return (
    <>
      <header className="listing-header">
        <h1>
          往期报纸 · {year}年{month}月
        </h1>
        <p className="listing-count">
          <Link href={issuesPath()}>全部往期（按日期列出）</Link>
        </p>
      </header>
      <IssueCalendar year={year} month={month} days={await listIssueDays(year, month)} />
    </>
  );
}

/** The calendar of the newest issue's month: what the archive's first page opens with. */
export async function LatestIssueCalendar() {
  const latest = await getLatestIssueRef();
  if (!latest) return null;
  const [year, month] = isoDate(latest.date).split("-").map(Number) as [number, number];
  return <IssueCalendar year={year} month={month} days={await listIssueDays(year, month)} />;
}
