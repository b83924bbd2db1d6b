import { describe, expect, it } from "vitest";
import { dayBoundaries } from "@/lib/server/scheduled-refresh";

describe("refreshes by the clock", () => {
  it("turn the whole site at Beijing midnight at the start and the end of a mourning day", () => {
    expect(dayBoundaries(["2026-04-04"]).map((d) => d.toISOString())).toEqual([
      "2026-04-03T16:00:00.000Z",
      "2026-04-04T16:00:00.000Z",
    ]);
    expect(dayBoundaries([])).toEqual([]);
  });
});
