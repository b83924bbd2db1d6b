import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Lowers the scheduling priority of the calling thread alone (not its process): on Linux a
 * thread has its own nice value, set through its thread id, which /proc/thread-self names.
 * Returns false where that is not available (another system), and the thread runs as before.
 */
export function lowerThreadPriority(nice: number): boolean {
  let tid: number;
  try {
    tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return false;
  }
  if (!Number.isInteger(tid) || tid <= 0) return false;
  setPriority(tid, nice);
  return true;
}
