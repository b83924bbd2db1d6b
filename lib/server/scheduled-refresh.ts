import { db } from "../db/client";
import { footprintsOf, pagesShowing } from "../db/page-footprints";
import { becameVisible, nextScheduledTime } from "../db/visibility";
import { refreshBody } from "../revalidation";

// Pages are rendered once and kept until a refresh names them (nothing re-renders on a timer),
// so what a page shows by the clock gets a refresh set for its time: a story scheduled for later
// (the pages that show it, as an ingest would name them), and the start and end of a mourning day
// (every page: the site turns grey, also for readers without JavaScript). Rescheduled after every
// refresh, since an ingest may add or move scheduled stories.

/** Longest a timer may wait (setTimeout's bound); a later time is looked at again then. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/** When every page changes by the clock: the start and end of each day in `days` (YYYY-MM-DD, Beijing). */
export function dayBoundaries(days: readonly string[]): Date[] {
  return days.flatMap((day) => {
    const start = Date.parse(`${day}T00:00:00+08:00`);
    return [new Date(start), new Date(start + 86_400_000)];
  });
}

export function scheduleRefreshes(refresh: (body: string) => Promise<void>, wholeSiteAt: Date[] = []) {
  let timer: NodeJS.Timeout | undefined;
  let checkedUntil = new Date();

  const fire = async () => {
    const now = new Date();
    const whole = wholeSiteAt.some((t) => t > checkedUntil && t <= now);
    const ids = await becameVisible(db, checkedUntil, now);
    checkedUntil = now;
    if (whole) await refresh(refreshBody("all"));
    else if (ids.length) await refresh(refreshBody([...(await pagesShowing(db, await footprintsOf(db, { ids })))]));
    await reschedule();
  };

  const reschedule = async () => {
    clearTimeout(timer);
    const story = await nextScheduledTime(db, checkedUntil);
    const times = [...wholeSiteAt.filter((t) => t > checkedUntil), ...(story ? [story] : [])];
    if (times.length === 0) return;
    const next = Math.min(...times.map((t) => t.getTime()));
    // A little after the time itself: a page rendered at that very millisecond must see the change.
    const wait = Math.min(Math.max(0, next - Date.now()) + 50, MAX_WAIT_MS);
    timer = setTimeout(() => void fire().catch((e: unknown) => console.error("scheduled refresh failed:", e)), wait);
    timer.unref();
  };

  return { reschedule, stop: () => clearTimeout(timer) };
}
