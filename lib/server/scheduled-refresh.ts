import { db } from "../db/client";
import { footprintsOf, pagesShowing } from "../db/page-footprints";
import { becameVisible, nextScheduledTime } from "../db/visibility";
import { refreshBody } from "../revalidation";

// Pages are rendered once and kept until an ingest names them (nothing re-renders on a timer),
// so a story scheduled for later appears through a refresh set for its time: the pages that show
// it, as an ingest would name them. Rescheduled after every refresh, since an ingest may add or
// move scheduled stories.

/** Longest a timer may wait (setTimeout's bound); a later story is looked at again then. */
const MAX_WAIT_MS = 2 ** 31 - 1;

export function scheduleRefreshes(refresh: (body: string) => Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  let checkedUntil = new Date();

  const fire = async () => {
    const now = new Date();
    const ids = await becameVisible(db, checkedUntil, now);
    checkedUntil = now;
    if (ids.length) await refresh(refreshBody([...(await pagesShowing(db, await footprintsOf(db, { ids })))]));
    await reschedule();
  };

  const reschedule = async () => {
    clearTimeout(timer);
    const next = await nextScheduledTime(db, checkedUntil);
    if (!next) return;
    // A little after the time itself: a page rendered at that very millisecond must see the story.
    const wait = Math.min(Math.max(0, next.getTime() - Date.now()) + 50, MAX_WAIT_MS);
    timer = setTimeout(() => void fire().catch((e: unknown) => console.error("scheduled refresh failed:", e)), wait);
    timer.unref();
  };

  return { reschedule, stop: () => clearTimeout(timer) };
}
