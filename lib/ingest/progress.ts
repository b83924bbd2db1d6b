// Progress of long work (an archive's ingest): done/total, rate and time left, as a line updated in
// place on a terminal, and as plain lines every few seconds otherwise, where a CI log keeps each.

/** Counts work done; finish() prints the last line. */
export interface Progress {
  advance(n: number): void;
  finish(): void;
}

/** Makes a Progress for `total` items of a labelled step (ingestContent's `progress` option). */
export type ProgressFactory = (label: string, total: number) => Progress;

/** Where progress goes: a terminal or a log (process.stderr by default). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream?: ProgressStream;
  /** Below this many items nothing is printed: the work is over before a line would help. */
  minTotal?: number;
  /** Between plain lines when not on a terminal. */
  logEveryMs?: number;
  now?: () => number;
}

const NOTHING: Progress = { advance: () => undefined, finish: () => undefined };

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  return s < 600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.round(s / 60)} min`;
}

/** "ingest: 2,500/10,000 articles (25%) · 830/s · about 9 s left" */
export function formatProgress(label: string, done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const percent = total ? Math.floor((done * 100) / total) : 100;
  const parts = [`${label}: ${done.toLocaleString("en")}/${total.toLocaleString("en")} (${percent}%)`];
  if (done > 0 && elapsedMs > 0) parts.push(`${Math.round(rate).toLocaleString("en")}/s`);
  if (done >= total) parts.push(`done in ${seconds(elapsedMs)}`);
  else if (rate > 0) parts.push(`about ${seconds(((total - done) * 1000) / rate)} left`);
  return parts.join(" · ");
}

/** A ProgressFactory printing to a terminal (in place, at most 5 times a second) or a log (every logEveryMs). */
export function progressPrinter({
  stream = process.stderr,
  minTotal = 1000,
  logEveryMs = 10_000,
  now = Date.now,
}: ProgressOptions = {}): ProgressFactory {
  return (label, total) => {
    if (total < minTotal) return NOTHING;
    const start = now();
    const tty = Boolean(stream.isTTY);
    let done = 0;
    let printedAt = tty ? 0 : start;
    let printedDone = 0;
    const print = (last: boolean) => {
      const line = formatProgress(label, done, total, now() - start);
      stream.write(tty ? `\r\x1b[K${line}${last ? "\n" : ""}` : `${line}\n`);
      printedAt = now();
      printedDone = done;
    };
    if (!tty) stream.write(`${label}: ${total.toLocaleString("en")} to do\n`);
    return {
      advance(n) {
        done = Math.min(total, done + n);
        if (now() - printedAt >= (tty ? 200 : logEveryMs)) print(false);
      },
      // A log has its last line already when the work ended on one; a terminal's line needs its end.
      finish: () => (tty || printedDone !== done) && print(true),
    };
  };
}
