// The text-level pieces of the print-issue importer: punctuation, bylines,
// datelines, slugs and the section guess.
import { describe, expect, it } from "vitest";
import {
  bylineLine,
  leadingDateline,
  parseCredits,
  parseNameList,
  photoCaption,
  sourceLine,
  trailingByline,
  trailingSource,
} from "@/lib/content/import/bylines";
import { headerLine, pageNumberLine, splitJump } from "@/lib/content/import/furniture";
import { endsParagraph, restorePunctuation } from "@/lib/content/import/punctuation";
import { guessSection } from "@/lib/content/import/section";
import { pinyinSlug, uniqueSlug } from "@/lib/content/import/slug";

describe("restorePunctuation", () => {
  it("turns half-width marks next to Chinese text full-width", () => {
    expect(restorePunctuation("打好收官战,谋划新开局。要求:要以不变应万变;何为不变?干就完了!")).toBe(
      "打好收官战，谋划新开局。要求：要以不变应万变；何为不变？干就完了！",
    );
    expect(restorePunctuation("2023,为左权发展精准抓落实")).toBe("2023，为左权发展精准抓落实");
    expect(restorePunctuation("统筹社区(村)党组织")).toBe("统筹社区（村）党组织");
  });

  it("keeps marks between ASCII letters or digits, and numbers as printed", () => {
    for (const s of [
      "签订率达98.04%。",
      "“1+N”抽水蓄能",
      "30万吨/年直接还原铁",
      "每天12:30准时开播",
      "共1,500人",
      "f(x)",
    ])
      expect(restorePunctuation(s)).toBe(s);
  });

  it("changes parentheses as a pair, and drops English-style spaces after a restored mark", () => {
    expect(restorePunctuation("借助短视频平台(APP)开展直播")).toBe("借助短视频平台（APP）开展直播");
    expect(restorePunctuation("左权县, 辽阳镇")).toBe("左权县，辽阳镇");
    expect(restorePunctuation("Hello, world")).toBe("Hello, world");
  });
});

describe("endsParagraph", () => {
  it("knows a finished paragraph from one a page break cut", () => {
    for (const s of [
      "取得了骄人的发展成绩。",
      "何为不变?",
      "“……贡献金隅力量。”",
      "(王磊)",
      "一是煤矿;",
      "此次检查突出四个重点:",
    ])
      expect(endsParagraph(s), s).toBe(true);
    for (const s of ["按照年初经济工", "结合我们“山、", "在左权金隅水泥有限公司“李", "要坚持大抓"])
      expect(endsParagraph(s), s).toBe(false);
  });
});

describe("bylines", () => {
  it("reads names with and without role words", () => {
    expect(parseNameList("军星 李斌")).toEqual({ names: ["军星", "李斌"], roles: [] });
    expect(parseNameList("记者 王五 通讯员 赵六")).toEqual({
      names: ["王五", "赵六"],
      roles: [
        { role: "记者", names: ["王五"] },
        { role: "通讯员", names: ["赵六"] },
      ],
    });
    expect(parseNameList("本报记者 高峰、李静")?.names).toEqual(["高峰", "李静"]);
    expect(parseNameList("记者王五")?.names).toEqual(["王五"]);
    expect(parseNameList("阿不都·热合曼")?.names).toEqual(["阿不都·热合曼"]);
  });

  it("refuses places, organisations and text in parentheses", () => {
    for (const s of ["左权县", "辽阳镇", "村", "含线上", "2022年度", "左权县融媒体中心 李四", "排名不分先后"])
      expect(parseNameList(s), s).toBeNull();
  });

  it("finds a byline closing a paragraph and one printed under a headline", () => {
    expect(trailingByline("为左权县的高质量发展贡献金隅力量。”(王磊)")).toMatchObject({
      names: ["王磊"],
      raw: "(王磊)",
      rest: "为左权县的高质量发展贡献金隅力量。”",
    });
    expect(trailingByline("统筹社区(村)党组织作为基层战斗堡垒。")).toBeNull();
    expect(trailingByline("成立专业合作社(左权县)")).toBeNull();
    expect(bylineLine("陈晓文")?.names).toEqual(["陈晓文"]);
    expect(bylineLine("(记者 王五)")?.names).toEqual(["王五"]);
    expect(bylineLine("左权创新网格队伍管理机制,破解基层综合执法难题")).toBeNull();
  });

  it("finds datelines, with the byline some of them carry", () => {
    expect(leadingDateline("本报讯 党的二十大报告指出")).toMatchObject({
      dateline: "本报讯",
      byline: null,
      rest: "党的二十大报告指出",
    });
    expect(leadingDateline("本报讯(记者 王五 通讯员 赵六) 12月26日,全县")).toMatchObject({
      dateline: "本报讯",
      byline: { names: ["王五", "赵六"] },
      raw: "本报讯(记者 王五 通讯员 赵六)",
      rest: "12月26日,全县",
    });
    expect(leadingDateline("新华社北京12月20日电(记者 韩宇) 记者从水利部获悉")).toMatchObject({
      dateline: "新华社北京12月20日电",
      byline: { names: ["韩宇"] },
    });
    expect(leadingDateline("中新社太原12月19日电 (记者 杨佩佩) 山西省")).toMatchObject({
      dateline: "中新社太原12月19日电",
      rest: "山西省",
    });
    expect(leadingDateline("本报12月18日讯(记者 李明) 为切实做好")).toMatchObject({
      dateline: "本报12月18日讯",
      byline: { names: ["李明"] },
    });
    expect(leadingDateline("本报记者从县医院了解到")).toBeNull();
  });
});

describe("slugs", () => {
  it("spells the headline's first syllables in toneless pinyin", () => {
    expect(pinyinSlug("创新引领发展 打造行业标杆")).toBe("chuang-xin-yin-ling-fa-zhan");
    expect(pinyinSlug("2023,为左权发展精准抓落实")).toBe("2023-wei-zuo-quan-fa-zhan");
    expect(pinyinSlug("在『严管』中彰显『厚爱』")).toBe("zai-yan-guan-zhong-zhang-xian");
    expect(pinyinSlug("绿色A4车间", 4)).toBe("lv-se-a4-che");
  });

  it("is unique against what is taken", () => {
    const taken = new Set(["xiang-cun", "xiang-cun-2"]);
    expect(uniqueSlug("xiang-cun", taken)).toBe("xiang-cun-3");
    expect(uniqueSlug("", taken)).toBe("article");
    expect(taken.has("xiang-cun-3")).toBe(true);
  });
});

describe("guessSection", () => {
  const sections = [
    { slug: "governance", name: "基层治理", description: "网格化管理、党建引领与社区治理的实践。" },
    { slug: "rural", name: "乡村振兴", description: "巩固拓展脱贫攻坚成果,产业、人才、文化、生态、组织振兴。" },
  ];

  it("scores each section by its words found in the story, and explains the score", () => {
    const g = guessSection(sections, "写好乡村振兴大文章", "巩固拓展脱贫攻坚成果,全面推进乡村振兴。");
    expect(g.slug).toBe("rural");
    expect(g.scores[0]!.top.map((t) => t.keyword)).toContain("振兴");
    expect(guessSection(sections, "网格员上门服务", "社区网格化管理").slug).toBe("governance");
  });

  it("falls back to the first section when no word matches", () => {
    expect(guessSection(sections, "天气", "明天有雪。")).toMatchObject({ slug: "governance", noEvidence: true });
  });
});

describe("credits as county papers print them", () => {
  it("reads each printed role and what was done, writers apart from photographers", () => {
    expect(parseCredits("全媒体记者 张三 报道")).toMatchObject({
      bylines: [{ name: "张三", role: "全媒体记者" }],
      photoCredits: [],
    });
    expect(parseCredits("融媒体记者 赵晓 见习记者 钱多多 报道")?.bylines).toEqual([
      { name: "赵晓", role: "融媒体记者" },
      { name: "钱多多", role: "见习记者" },
    ]);
    expect(parseCredits("本报记者 王五 摄")).toMatchObject({
      bylines: [],
      photoCredits: [{ name: "王五", role: "本报记者" }],
    });
    expect(parseCredits("文/图 本报记者 李斌")).toMatchObject({
      bylines: [{ name: "李斌", role: "本报记者" }],
      photoCredits: [{ name: "李斌", role: "本报记者" }],
    });
    expect(parseCredits("文/ 本报记者 钱玉洁 图/ 通讯员 黄建国")).toMatchObject({
      bylines: [{ name: "钱玉洁", role: "本报记者" }],
      photoCredits: [{ name: "黄建国", role: "通讯员" }],
    });
    expect(parseCredits("见习记者 刘畅 摄影报道")).toMatchObject({
      bylines: [{ name: "刘畅", role: "见习记者" }],
      photoCredits: [{ name: "刘畅", role: "见习记者" }],
    });
    expect(parseCredits("摄影 张三")).toMatchObject({ bylines: [], photoCredits: [{ name: "张三", role: "摄影" }] });
    expect(parseCredits("实习生 孙悦")?.bylines).toEqual([{ name: "孙悦", role: "实习生" }]);
    for (const s of ["报道", "摄", "含线上", "县融媒体中心记者 张三"]) expect(parseCredits(s), s).toBeNull();
  });

  it("reads a credit line with a bullet, and a dateline's credits after a full-width parenthesis", () => {
    expect(bylineLine("■ 本报记者 曹文杰")?.bylines).toEqual([{ name: "曹文杰", role: "本报记者" }]);
    expect(leadingDateline("本报讯（记者 张三 通讯员 李四）近日，全县")).toMatchObject({
      dateline: "本报讯",
      byline: {
        bylines: [
          { name: "张三", role: "记者" },
          { name: "李四", role: "通讯员" },
        ],
      },
      rest: "近日，全县",
    });
    expect(leadingDateline("据新华社太原11月20日电(记者 王学涛) 11月20日")).toMatchObject({
      dateline: "据新华社太原11月20日电",
      agency: "新华社",
    });
  });

  it("tells photo captions by their mark or their closing credit", () => {
    expect(photoCaption("▲ 西沟村农机手在田间进行旋耕作业。 全媒体记者 赵建平 摄")).toMatchObject({
      caption: "西沟村农机手在田间进行旋耕作业。",
      credits: [{ name: "赵建平", role: "全媒体记者" }],
    });
    expect(photoCaption("左权县石匣水库全景 本报记者 张三 摄")).toMatchObject({
      caption: "左权县石匣水库全景",
      credits: [{ name: "张三", role: "本报记者" }],
    });
    expect(photoCaption("图② 游客在民俗馆体验剪纸。")).toMatchObject({
      caption: "图② 游客在民俗馆体验剪纸。",
      credits: [],
    });
    expect(photoCaption("(通讯员 黄建国 摄)")).toMatchObject({ caption: "", parenthesised: true });
    expect(photoCaption("他说这是记者 张三 摄的。")).toBeNull();
  });

  it("reads a reprint's source, and not every 据", () => {
    expect(sourceLine("来源:人民日报")?.source).toBe("人民日报");
    expect(sourceLine("（据新华社）")?.source).toBe("新华社");
    expect(sourceLine("转自《山西日报》")?.source).toBe("山西日报");
    expect(sourceLine("据统计")).toBeNull();
    expect(trailingSource("评选结果将于今年8月揭晓。(据晋中日报)")).toMatchObject({
      source: "晋中日报",
      rest: "评选结果将于今年8月揭晓。",
    });
  });
});

describe("page furniture", () => {
  it("reads header lines: date, issue number, page, page name, editors", () => {
    expect(headerLine("2023年6月2日 星期五 总第2718期")).toMatchObject({
      date: "2023-06-02",
      number: { value: 2718, total: true },
    });
    expect(headerLine("第4版 社会·民生")).toMatchObject({ page: "4", pageName: "社会·民生" });
    expect(headerLine("第04版:文化")).toMatchObject({ page: "04", pageName: "文化" });
    expect(headerLine("A2 综合新闻")).toMatchObject({ page: "A2", pageName: "综合新闻" });
    expect(headerLine("第5版 · 城事 · 责任编辑:卢晓峰 版式:陈曦")?.staff).toEqual([
      { name: "卢晓峰", role: "责任编辑" },
      { name: "陈曦", role: "版式" },
    ]);
    expect(headerLine("本版编辑:郑丽 美编:刘洋")?.staff).toHaveLength(2);
    // Without colons, as many papers print it.
    expect(headerLine("责任编辑 刘芳 版式 陈刚")?.staff).toEqual([
      { name: "刘芳", role: "责任编辑" },
      { name: "陈刚", role: "版式" },
    ]);
    expect(headerLine("编辑部表示欢迎")).toBeNull();
  });

  it("leaves kickers, banners, names and text alone", () => {
    for (const s of [
      "聚焦红色旅游",
      "新时代 新征程 新伟业",
      "陈晓文",
      "左权金隅水泥有限公司",
      "2023,为左权发展精准抓落实",
    ])
      expect(headerLine(s), s).toBeNull();
    expect(headerLine("左权县报")).toMatchObject({ paper: "左权县报", strong: false });
  });

  it("knows page numbers and jump markers", () => {
    for (const s of ["1", "— 2 —", "-6-", "·2·"]) expect(pageNumberLine(s), s).toBe(true);
    expect(pageNumberLine("2023")).toBe(false);
    expect(splitJump("并聘请第三方监理全程跟踪(下转第2版)")).toMatchObject({
      marker: { direction: "to", page: "2" },
      before: "并聘请第三方监理全程跟踪",
    });
    expect(splitJump("(上接第1版) 监督,确保")).toMatchObject({
      marker: { direction: "from", page: "1" },
      after: "监督,确保",
    });
    expect(splitJump("（转第三版）")).toMatchObject({ marker: { direction: "to", page: "三" } });
    expect(splitJump("统筹社区(村)党组织")).toBeNull();
  });
});
