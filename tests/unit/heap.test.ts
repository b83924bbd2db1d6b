import { describe, expect, it } from "vitest";
import { heapPacer } from "@/lib/ingest/heap";

describe("the ingest's heap pacer", () => {
  it("collects once the heap has grown by the slack since the last collection, not before", () => {
    let collections = 0;
    const step = heapPacer(4 * 1024 * 1024, () => void collections++);
    step();
    expect(collections).toBe(0);
    // About 16 MB of live objects on the V8 heap (typed arrays would live outside it).
    const kept = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `story-${i}` }));
    step();
    expect(collections).toBe(1);
    step();
    expect(collections).toBe(1);
    expect(kept).toHaveLength(200_000);
  });
});
