import { getHeapStatistics } from "node:v8";

// An archive's ingest keeps its content set alive (about 350 MB at 100,000 stories) while every
// rendered batch waits in the rendering window long enough to be promoted to the old generation.
// V8 then let that generation grow to about 1.5 GB, mostly garbage, before collecting it: the
// peak RSS followed V8's schedule, not what the ingest keeps.

const MB = 1024 * 1024;

/**
 * Returns a step to call between batches: a full collection whenever the heap has grown by
 * `slack` since the last one. It needs the `gc` that `--expose-gc` gives (`npm run ingest`
 * runs with it); without it the step does nothing and V8 keeps its own schedule.
 */
export function heapPacer(slack = 256 * MB, collect: (() => void) | undefined = globalThis.gc): () => void {
  if (!collect) return () => undefined;
  let floor = getHeapStatistics().used_heap_size;
  return () => {
    if (getHeapStatistics().used_heap_size < floor + slack) return;
    collect();
    floor = getHeapStatistics().used_heap_size;
  };
}
