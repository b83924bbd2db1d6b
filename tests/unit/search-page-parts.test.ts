import { describe, expect, it } from "vitest";
import { emptySearchHints } from "@/components/search/hints";
import { tidySnippet } from "@/components/search/tidy-snippet";
import { cleanSearchUrl } from "@/lib/urls";

describe("cleanSearchUrl", () => {
  it("drops empty parameters, as a no-JavaScript form sends them", () => {
    expect(cleanSearchUrl({ q: "乳胶", section: "", author: "", issue: "", from: "", to: "" })).toBe(
      "/search?q=%E4%B9%B3%E8%83%B6",
    );
    expect(cleanSearchUrl({ q: "", section: "industry" })).toBe("/search?section=industry");
    expect(cleanSearchUrl({ q: "  " })).toBe("/search");
  });

  it("leaves a clean query alone (null: no redirect)", () => {
    expect(cleanSearchUrl({})).toBeNull();
    expect(cleanSearchUrl({ q: "乳胶", page: "2" })).toBeNull();
  });

  it("keeps repeated values that are not empty", () => {
    expect(cleanSearchUrl({ q: ["网格", ""] })).toBe("/search?q=%E7%BD%91%E6%A0%BC");
  });
});

describe("tidySnippet", () => {
  it("removes the ASCII space that joined two paragraphs between Chinese characters, moving the marks", () => {
    const text = "注入新动力。 据悉，乳胶产业园";
    const at = text.indexOf("乳胶");
    const tidy = tidySnippet({ text, marks: [[at, at + 2]] });
    expect(tidy.text).toBe("注入新动力。据悉，乳胶产业园");
    const [[s, e]] = tidy.marks as [[number, number]];
    expect(tidy.text.slice(s, e)).toBe("乳胶");
  });

  it("keeps spaces between Latin words and next to them", () => {
    const value = { text: "采用 PLC 控制系统 and more", marks: [[3, 6]] as [number, number][] };
    expect(tidySnippet(value)).toEqual(value);
  });
});

describe("emptySearchHints", () => {
  it("does not tell a one-character query to get shorter", () => {
    const hints = emptySearchHints({ q: "羊" });
    expect(hints.join()).not.toContain("更短");
    expect(hints.join()).toContain("两个字以上");
  });

  it("fits the hints to what was asked", () => {
    expect(emptySearchHints({ q: "不存在的词语组合" })).toEqual(["试试更短的关键词"]);
    expect(emptySearchHints({ q: "网格 羊", section: "rural", from: "2022-01-01" })).toEqual([
      "试试减少关键词",
      "去掉一些筛选条件",
      "检查日期范围",
    ]);
  });
});
