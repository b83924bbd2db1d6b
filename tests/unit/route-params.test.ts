import { describe, expect, it } from "vitest";
import { decodeParam, parsePageParam } from "@/lib/route-params";
import { authorPath, tagPath } from "@/lib/urls";

describe("route params", () => {
  it("decodes a percent-encoded Chinese param once, and leaves a decoded one alone", () => {
    expect(decodeParam("%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4")).toBe("乡村振兴");
    expect(decodeParam("乡村振兴")).toBe("乡村振兴");
    expect(decodeParam("industry")).toBe("industry");
  });

  it("returns null for broken percent-encoding", () => {
    expect(decodeParam("%E4%B9")).toBeNull();
    expect(decodeParam("%zz")).toBeNull();
  });

  it("accepts only canonical page numbers", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("2")).toBe(2);
    for (const bad of ["0", "02", "-1", "1.5", "abc", ""]) expect(parsePageParam(bad)).toBeNull();
  });

  it("builds links that round-trip through decodeParam", () => {
    expect(tagPath("乡村振兴", 2)).toBe("/tags/%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4/page/2");
    const seg = authorPath("军星").split("/")[2]!;
    expect(decodeParam(seg)).toBe("军星");
  });
});
