import { describe, expect, it } from "vitest";
import { countCharacters, cutExcerpt, excerpt, readingMinutes, splitSentences } from "@/lib/content/text";

describe("countCharacters", () => {
  it("counts Han characters one each and a Latin or digit run as one, never punctuation", () => {
    expect(countCharacters("左权县")).toBe(3);
    expect(countCharacters("换成PLC控制,")).toBe(5);
    expect(countCharacters("2023年,为左权")).toBe(5);
    expect(countCharacters("“ ”。!")).toBe(0);
  });
});

describe("readingMinutes", () => {
  it("reads about 450 characters a minute, at least one minute", () => {
    expect(readingMinutes(100)).toBe(1);
    expect(readingMinutes(900)).toBe(2);
    expect(readingMinutes(1863)).toBe(4);
  });
});

describe("splitSentences", () => {
  it("splits at 。!? and keeps closing quotes with their sentence", () => {
    expect(splitSentences("他说:“好。”我们走吧!真的?是")).toEqual(["他说:“好。”", "我们走吧!", "真的?", "是"]);
  });
});

describe("full-width marks", () => {
  it("ends sentences at full-width ！ and ？ as well", () => {
    const text = "何为不变\uFF1F新的一年为何不变\uFF1F就要干下去\uFF01“好。”";
    expect(splitSentences(text)).toEqual(["何为不变\uFF1F", "新的一年为何不变\uFF1F", "就要干下去\uFF01", "“好。”"]);
    expect(excerpt("第一句很长" + "长".repeat(100) + "\uFF1F第二句\uFF01", 20)).toBe(
      "第一句很长" + "长".repeat(100) + "\uFF1F",
    );
  });
});

describe("excerpt", () => {
  it("takes whole sentences up to the limit", () => {
    const text = "第一句话很短。第二句话也不长。" + "长".repeat(200) + "。";
    expect(excerpt(text, 20)).toBe("第一句话很短。第二句话也不长。");
  });

  it("keeps a long first sentence whole rather than cutting it", () => {
    const long = "长".repeat(150) + "。后面。";
    expect(excerpt(long, 120)).toBe("长".repeat(150) + "。");
  });

  it("skips a leading subhead without an end mark and never ends mid-sentence", () => {
    const e = excerpt("小标题\n正文第一句。正文没有结束", 120);
    expect(e).toBe("正文第一句。");
    expect(e).toMatch(/[。!?]$/);
  });
});

describe("cutExcerpt", () => {
  it("keeps whole sentences while they fit", () => {
    expect(cutExcerpt("第一句话很短。第二句话也不长。第三句。", 16)).toBe("第一句话很短。第二句话也不长。");
    expect(cutExcerpt("第一句话很短。第二句话也不长。", 100)).toBe("第一句话很短。第二句话也不长。");
  });

  it("cuts a first sentence that is too long after its last clause that fits, with an ellipsis", () => {
    const text = "打好收官战，谋划新开局，在年末岁尾的关键时刻召开会议，研究部署明年工作。";
    expect(cutExcerpt(text, 16)).toBe("打好收官战，谋划新开局……");
    expect(cutExcerpt(text, 16).length).toBeLessThanOrEqual(16 + 2);
  });

  it("cuts at the budget when no clause ends in its second half", () => {
    const text = "长".repeat(40) + "。";
    expect(cutExcerpt(text, 20)).toBe("长".repeat(19) + "……");
  });

  it("never ends inside a sentence without an ellipsis", () => {
    for (const n of [10, 20, 40, 60]) {
      const e = cutExcerpt("网格员每天走访。居民有事找网格，网格有人管，问题有人解，矛盾不出村。感谢他们！", n);
      expect(e, String(n)).toMatch(/[。！]$|……$/);
    }
  });
});
