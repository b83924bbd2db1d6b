import { describe, expect, it } from "vitest";
import { formatProgress, progressPrinter, type ProgressStream } from "@/lib/ingest/progress";

/** A stream that records what is written, and a clock the test moves. */
function fixture(isTTY: boolean) {
  const written: string[] = [];
  const stream: ProgressStream = { write: (t: string) => written.push(t), isTTY };
  const clock = { t: 0 };
  return { written, stream, clock, now: () => clock.t };
}

describe("progress of long work", () => {
  it("shows done/total, rate and time left", () => {
    expect(formatProgress("articles written", 2500, 10_000, 5000)).toBe(
      "articles written: 2,500/10,000 (25%) · 500/s · about 15 s left",
    );
    expect(formatProgress("articles written", 10_000, 10_000, 125_000)).toBe(
      "articles written: 10,000/10,000 (100%) · 80/s · done in 2 min 5 s",
    );
  });

  it("on a terminal, rewrites one line in place and ends it when done", () => {
    const { written, stream, clock, now } = fixture(true);
    const progress = progressPrinter({ stream, now, minTotal: 10 })("articles written", 1000);
    for (let i = 0; i < 10; i++) {
      clock.t += 1000;
      progress.advance(100);
    }
    progress.finish();
    expect(written).toHaveLength(11);
    expect(written.slice(0, -1).every((w) => w.startsWith("\r\x1b[K") && !w.endsWith("\n"))).toBe(true);
    expect(written.at(-1)).toBe("\r\x1b[Karticles written: 1,000/1,000 (100%) · 100/s · done in 10 s\n");
  });

  it("in a log, prints a plain line every logEveryMs, and one at the end", () => {
    const { written, stream, clock, now } = fixture(false);
    const progress = progressPrinter({ stream, now, minTotal: 10, logEveryMs: 10_000 })("articles written", 6000);
    for (let i = 0; i < 12; i++) {
      clock.t += 2500;
      progress.advance(500);
    }
    progress.finish();
    expect(written).toEqual([
      "articles written: 6,000 to do\n",
      "articles written: 2,000/6,000 (33%) · 200/s · about 20 s left\n",
      "articles written: 4,000/6,000 (66%) · 200/s · about 10 s left\n",
      "articles written: 6,000/6,000 (100%) · 200/s · done in 30 s\n",
    ]);
  });

  it("says nothing about work too small to wait for", () => {
    const { written, stream, now } = fixture(true);
    const progress = progressPrinter({ stream, now })("articles written", 5);
    progress.advance(5);
    progress.finish();
    expect(written).toEqual([]);
  });
});
