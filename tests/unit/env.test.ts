import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, EnvError, parseEnv, siteOriginWarning } from "@/lib/env";

describe("settings (lib/env.ts)", () => {
  it("gives every setting its default when nothing is set, and treats empty values as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "  " });
    expect(env).toMatchObject({
      DATABASE_URL: DEFAULT_DATABASE_URL,
      DATABASE_POOL_SIZE: 10,
      DATABASE_SEARCH_POOL_SIZE: 5,
      PORT: 3000,
      CONTENT_DIR: "content",
      MICROCACHE_TTL_MS: 2000,
      NEXT_DIST_DIR: ".next",
      ERROR_PROBE: "0",
    });
    expect(env.SITE_ORIGIN).toBeUndefined();
    expect(env.SITE_URLS).toBeUndefined();
  });

  it("reads numbers, origins and lists", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://portal:portal@127.0.0.1:5432/portal",
      DATABASE_POOL_SIZE: "25",
      PORT: "3199",
      SITE_ORIGIN: "HTTPS://News.Zuoquan.Example/",
      SITE_URLS: "http://app1:3000, http://app2:3000,",
      MICROCACHE_TTL_MS: "0",
    });
    expect(env.DATABASE_POOL_SIZE).toBe(25);
    expect(env.PORT).toBe(3199);
    expect(env.SITE_ORIGIN).toBe("https://news.zuoquan.example");
    expect(env.SITE_URLS).toEqual(["http://app1:3000", "http://app2:3000"]);
    expect(env.MICROCACHE_TTL_MS).toBe(0);
  });

  it("refuses a bad value, naming the variable and what it got", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ DATABASE_POOL_SIZE: "abc" }, /DATABASE_POOL_SIZE must be a whole number from 1 to 1000 — got "abc"/],
      [{ DATABASE_SEARCH_POOL_SIZE: "0" }, /DATABASE_SEARCH_POOL_SIZE must be at least 1 — got "0"/],
      [{ PORT: "70000" }, /PORT must be at most 65535 — got "70000"/],
      [{ PORT: "3.5" }, /PORT must be a whole number/],
      [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//],
      [{ SITE_ORIGIN: "https://zuoquan.example/news" }, /SITE_ORIGIN must be an origin only/],
      [{ SITE_URLS: "app1:3000" }, /SITE_URLS must list http\(s\) URLs/],
      [{ MICROCACHE_TTL_MS: "-1" }, /MICROCACHE_TTL_MS must be a whole number/],
      [{ ERROR_PROBE: "yes" }, /ERROR_PROBE/],
    ];
    for (const [vars, message] of cases) {
      expect(() => parseEnv(vars), JSON.stringify(vars)).toThrow(EnvError);
      expect(() => parseEnv(vars), JSON.stringify(vars)).toThrow(message);
    }
  });

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ PORT: "x", DATABASE_POOL_SIZE: "y" })).toThrow(
      /PORT .*\n.*DATABASE_POOL_SIZE|DATABASE_POOL_SIZE .*\n.*PORT/,
    );
  });
});

describe("the public origin at start-up", () => {
  it("warns when SITE_ORIGIN is unset, naming the address links would carry", () => {
    expect(siteOriginWarning(parseEnv({}))).toMatch(/SITE_ORIGIN is not set[\s\S]*http:\/\/localhost:3000/);
    expect(siteOriginWarning(parseEnv({ SITE_ORIGIN: "https://www.zuoquan.example" }))).toBeNull();
  });
});
