import { afterEach, describe, expect, it } from "vitest";
import { absoluteUrl, DEFAULT_SITE_ORIGIN, parseSiteOrigin, siteOrigin } from "@/lib/seo/origin";

describe("SITE_ORIGIN", () => {
  const saved = process.env.SITE_ORIGIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_ORIGIN;
    else process.env.SITE_ORIGIN = saved;
  });

  it("defaults to http://localhost:3000", () => {
    expect(parseSiteOrigin(undefined)).toBe(DEFAULT_SITE_ORIGIN);
    expect(parseSiteOrigin("  ")).toBe(DEFAULT_SITE_ORIGIN);
    expect(DEFAULT_SITE_ORIGIN).toBe("http://localhost:3000");
  });

  it("accepts an http(s) origin, with or without a trailing slash, and normalizes it", () => {
    expect(parseSiteOrigin("https://www.zuoquan.example/")).toBe("https://www.zuoquan.example");
    expect(parseSiteOrigin("HTTPS://WWW.Zuoquan.Example")).toBe("https://www.zuoquan.example");
    expect(parseSiteOrigin("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(parseSiteOrigin("https://www.zuoquan.example:443")).toBe("https://www.zuoquan.example");
  });

  it("rejects anything else, naming the variable and the value", () => {
    for (const bad of [
      "www.zuoquan.example",
      "ftp://zuoquan.example",
      "https://zuoquan.example/news",
      "https://zuoquan.example/?a=1",
      "https://zuoquan.example/#x",
      "https://user:pw@zuoquan.example",
      "not a url",
    ]) {
      expect(() => parseSiteOrigin(bad), bad).toThrow(/^SITE_ORIGIN .*got "/);
    }
  });

  it("is read from the environment, and builds absolute URLs from encoded paths", () => {
    process.env.SITE_ORIGIN = "https://news.zuoquan.example/";
    expect(siteOrigin()).toBe("https://news.zuoquan.example");
    expect(absoluteUrl("/")).toBe("https://news.zuoquan.example/");
    expect(absoluteUrl("/tags/%E4%B9%A1")).toBe("https://news.zuoquan.example/tags/%E4%B9%A1");
    expect(() => absoluteUrl("tags/x")).toThrow();
    process.env.SITE_ORIGIN = "javascript:alert(1)";
    expect(() => siteOrigin()).toThrow(/SITE_ORIGIN/);
  });
});
