import { monthCode, monthStart } from "./codes";
import type { KeyRange } from "../plan";
import { keyRange, minutesOfKeyRange } from "../search-key";

/** The month codes of a range's first and last minute; `first` is null for "since the beginning". */
function rangeMonths(range: KeyRange): { first: number | null; last: number } {
  const { from, until } = minutesOfKeyRange(range);
  return { first: from === null ? null : monthCode(from), last: monthCode(until) };
}
const monthsBetween = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** Month codes covering a range that starts at a reader's date, when there are few enough to be worth looking up. */
export function monthCodes(range: KeyRange): number[] | null {
  const { first, last } = rangeMonths(range);
  return first !== null && last - first < MAX_MONTHS ? monthsBetween(first, last) : null;
}
const MAX_MONTHS = 36;

/** A part of a range: its months, looked up in the index, or (the oldest part) a narrower key range alone. */
export interface Window {
  months: number[] | null;
  range: KeyRange;
}

/**
 * The parts a tier's range is read in, newest first: the last 2 months, back to 12, back to 72, then
 * the rest. GIN finds matches in no order and cannot stop early, so a common term costs the
 * intersection of long lists; a window's month codes keep its lookup small, and reading the windows
 * in order stops at the cap in the newest of them. A range of a few years is one window, its months.
 */
export function windowsOf(range: KeyRange): Window[] {
  const months = monthCodes(range);
  if (months) return [{ months, range }];
  const { first, last } = rangeMonths(range);
  const windows: Window[] = [];
  let newer = last + 1;
  for (const span of WINDOW_MONTHS) {
    const from = first === null ? last - span + 1 : Math.max(first, last - span + 1);
    windows.push({ months: monthsBetween(from, newer - 1), range });
    if (first !== null && from <= first) return windows;
    newer = from;
  }
  // Stories published before the oldest window's first month.
  windows.push({ months: null, range: { min: Math.max(range.min, keyRange(monthStart(newer)).min), max: range.max } });
  return windows;
}
const WINDOW_MONTHS = [2, 12, 72];
