import { setImmediate as turn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { idleCollector, type YoungSpace } from "@/lib/server/idle-collect";

describe("the renderer's idle collector", () => {
  const setup = (space: YoungSpace) => {
    const collections: unknown[] = [];
    const collect = ((options: unknown) => void collections.push(options)) as NodeJS.GCFunction;
    return { collections, idle: idleCollector(collect, () => space) };
  };

  it("collects the young generation once the last request is answered and it is half full", async () => {
    const { collections, idle } = setup({ used: 9e6, available: 7e6 });
    idle.started();
    idle.started();
    idle.answered();
    await turn();
    expect(collections).toEqual([]);
    idle.answered();
    await turn();
    expect(collections).toEqual([{ type: "minor" }]);
  });

  it("leaves a young generation with room for another render to V8", async () => {
    const { collections, idle } = setup({ used: 5e6, available: 11e6 });
    idle.started();
    idle.answered();
    await turn();
    expect(collections).toEqual([]);
  });

  it("does not collect when a request has come in before the collection's turn", async () => {
    const { collections, idle } = setup({ used: 9e6, available: 7e6 });
    idle.started();
    idle.answered();
    idle.started();
    await turn();
    expect(collections).toEqual([]);
    idle.answered();
    await turn();
    expect(collections).toHaveLength(1);
  });

  it("reads the young generation's fill from V8 itself", async () => {
    const collections: unknown[] = [];
    const idle = idleCollector(((options: unknown) => void collections.push(options)) as NodeJS.GCFunction);
    // Short-lived objects until V8's own young-generation collection has run and filled it again.
    let filled = 0;
    for (let i = 0; i < 50 && !filled; i++) {
      idle.started();
      const garbage = Array.from({ length: 20_000 }, (_, j) => ({ j, s: `page-${j}` }));
      idle.answered();
      await turn();
      filled = collections.length;
      expect(garbage).toHaveLength(20_000);
    }
    expect(collections[0]).toEqual({ type: "minor" });
  });
});
