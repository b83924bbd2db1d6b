import { describe, expect, it } from "vitest";
import { runInDateline } from "@/components/article/dateline";

describe("runInDateline", () => {
  it("runs the dateline into the first paragraph, after an ideographic space", () => {
    expect(runInDateline("<p>打好收官战。</p><p>第二段。</p>", "本报讯")).toBe(
      '<p><span class="dateline">本报讯</span>\u3000打好收官战。</p><p>第二段。</p>',
    );
  });

  it("skips a heading before the first paragraph, and escapes the dateline", () => {
    expect(runInDateline('<h2 id="a">小标题</h2><p>正文。</p>', "新华社<北京>电")).toBe(
      '<h2 id="a">小标题</h2><p><span class="dateline">新华社&lt;北京&gt;电</span>\u3000正文。</p>',
    );
  });

  it("leaves a body without a dateline alone, and leads a body without paragraphs", () => {
    expect(runInDateline("<p>正文。</p>", null)).toBe("<p>正文。</p>");
    expect(runInDateline("<ul><li>一</li></ul>", "本报讯")).toBe(
      '<p><span class="dateline">本报讯</span>\u3000</p><ul><li>一</li></ul>',
    );
  });
});
