// The layout from its headings: the banner above the first heading, and
// for each headline its preamble — extra heads, column head, kicker.

import { leadingDateline } from "./bylines";
import { KICKER_MAX, titleLike, type Item } from "./lines";

export const isDateline = (text: string) => leadingDateline(text) !== null;

export type HeadingRole = "headline" | "column" | "extraHead" | "orphanHeading";

/** One headline and the lines before it that belong to it: [extra heads] [column head] [kicker] headline. */
export interface Frame {
  /** Item index of the headline. */
  h: number;
  /** Item index where the story's preamble starts. */
  start: number;
  kicker?: number;
  column?: number;
}

export interface Banner {
  parts: string[];
  lines: number[];
  /** Items before the first heading that are not banner lines, with why. */
  stray: { item: Item; reason: string }[];
  /** Index of the first heading (items.length when there is none). */
  end: number;
}

/** Banner: short plain lines before the first heading. */
export function findBanner(items: Item[]): Banner {
  const firstHeading = items.findIndex((it) => it.kind === "heading");
  const end = firstHeading === -1 ? items.length : firstHeading;
  const banner: Banner = { parts: [], lines: [], stray: [], end };
  for (const it of items.slice(0, end)) {
    if (it.kind === "text" && titleLike(it.text, KICKER_MAX, isDateline)) {
      banner.parts.push(it.text);
      banner.lines.push(it.n);
    } else if (it.kind === "jump")
      banner.stray.push({ item: it, reason: `转版标记「${it.marker.raw}」位于第一个标题之前，所接的稿件不在本文件中` });
    else banner.stray.push({ item: it, reason: "位于第一个标题之前，又不像版头（太长或有句末标点）" });
  }
  return banner;
}

/**
 * Roles of the headings: a heading followed by another (maybe with a kicker
 * between) is a column head; the last heading of such a run is the headline.
 */
export function headingRoles(items: Item[]): Map<number, HeadingRole> {
  const isHead = (i: number) => {
    const it = items[i];
    return it?.kind === "heading" && it.level <= 3;
  };
  const role = new Map<number, HeadingRole>();
  for (let i = items.length - 1; i >= 0; i--) {
    if (!isHead(i)) continue;
    if (isHead(i + 1) || (kickerAt(items, i + 1) && isHead(i + 2)))
      role.set(i, role.get(i + 1) === "column" ? "extraHead" : "column");
    else if (i + 1 < items.length) role.set(i, "headline");
    else role.set(i, "orphanHeading");
  }
  return role;
}

export function kickerAt(items: Item[], i: number): boolean {
  const it = items[i];
  return it?.kind === "text" && titleLike(it.text, KICKER_MAX, isDateline);
}

/** Each headline's frame, in order. */
export function findFrames(items: Item[], role: Map<number, HeadingRole>, topEnd: number): Frame[] {
  const frames: Frame[] = [];
  for (let h = 0; h < items.length; h++) {
    if (role.get(h) !== "headline") continue;
    const frame: Frame = { h, start: h };
    if (h - 1 >= topEnd && kickerAt(items, h - 1)) {
      frame.kicker = h - 1;
      frame.start = h - 1;
    }
    if (role.get(frame.start - 1) === "column") {
      frame.column = frame.start - 1;
      frame.start -= 1;
      while (role.get(frame.start - 1) === "extraHead") frame.start -= 1;
    }
    // A kicker must not swallow the only line of the previous headline's story.
    const prev = frames.at(-1);
    if (prev && frame.start <= prev.h) {
      frame.kicker = undefined;
      frame.column = undefined;
      frame.start = h;
    }
    frames.push(frame);
  }
  return frames;
}

/** Why a heading or line outside any story could not be placed. */
export function headingWhy(it: Item, role: HeadingRole | undefined): string {
  if (role === "extraHead") return "连续多个标题行：只有紧挨正文标题的那一个当作栏目名，这一行用途不明";
  if (role === "orphanHeading") return "标题后面没有正文";
  if (it.kind === "heading" && it.level >= 4) return "小标题出现在任何稿件之前";
  if (it.kind === "jump") return `转版标记「${it.marker.raw}」不在任何稿件之中`;
  return "位于版头与第一篇稿件之间";
}
