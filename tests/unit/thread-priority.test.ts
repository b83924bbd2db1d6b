import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

// Search threads yield the cores to the threads serving pages: the priority is lowered for the
// calling thread only, never for the whole server.

describe("lowerThreadPriority", () => {
  it("lowers the calling thread's priority and leaves the process's main thread as it was", async () => {
    const before = getPriority(process.pid);
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       const { getPriority } = require("node:os");
       const { readlinkSync } = require("node:fs");
       import("tsx/esm/api").then((tsx) => {
         tsx.register();
         return import(${JSON.stringify(new URL("../../lib/server/thread-priority.ts", import.meta.url).href)});
       }).then(({ lowerThreadPriority }) => {
         const lowered = lowerThreadPriority(Math.min(19, getPriority(0) + 5));
         const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
         parentPort.postMessage({ lowered, tid, nice: getPriority(tid) });
       });`,
      { eval: true },
    );
    const seen = await new Promise<{ lowered: boolean; tid: number; nice: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(seen.lowered).toBe(true);
    expect(seen.tid).not.toBe(process.pid);
    expect(seen.nice).toBe(Math.min(19, before + 5));
    expect(getPriority(process.pid)).toBe(before);
  });
});
