import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMourningDay, mourningScript } from "@/components/layout/mourning";
import { ContentError } from "@/lib/content/errors";
import { BLANK, parseSiteInfo } from "@/lib/content/site-info";
import { site } from "@/lib/site";

const VALID = `name: 左权报
publisher: ${BLANK}
address: ${BLANK}
telephone: ${BLANK}
submissions: ${BLANK}
icp:
  number: ${BLANK}
  url: https://beian.miit.gov.cn/
police:
  number: ${BLANK}
  url: https://beian.mps.gov.cn/
copyright: 左权报 版权所有
mourning: [2023-12-13]
`;

describe("content/site.yaml", () => {
  it("the committed file is valid, names the paper as lib/site.ts does, and invents nothing", () => {
    const info = parseSiteInfo(readFileSync("content/site.yaml", "utf8"));
    expect(info.name).toBe(site.name);
    // The source issue prints none of these: they stay marked blanks until the newsroom fills them in.
    for (const value of [
      info.publisher,
      info.address,
      info.telephone,
      info.submissions,
      info.icp.number,
      info.police.number,
    ])
      expect(value).toBe(BLANK);
    expect(info.icp.url).toBe("https://beian.miit.gov.cn/");
    expect(info.police.url).toBe("https://beian.mps.gov.cn/");
  });

  it("reads a complete file", () => {
    const info = parseSiteInfo(VALID);
    expect(info.mourning).toEqual(["2023-12-13"]);
  });

  it("names the line and field of a mistake", () => {
    const bad = VALID.replace("telephone: （待填写）", "telephone: ''").replace("[2023-12-13]", "[2023-02-30]");
    try {
      parseSiteInfo(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      const message = (e as Error).message;
      expect(message).toContain("content/site.yaml:4 [telephone]");
      expect(message).toContain("[mourning[0]]: must be a real date");
    }
  });

  it("refuses unknown fields and a filing link that is not a web address", () => {
    expect(() => parseSiteInfo(VALID + "fax: 123\n")).toThrow(/unknown field "fax"/);
    expect(() => parseSiteInfo(VALID.replace("https://beian.miit.gov.cn/", "beian"))).toThrow(/icp\.url/);
  });
});

describe("mourning days", () => {
  it("are Beijing dates", () => {
    expect(isMourningDay(["2023-12-13"], new Date("2023-12-12T16:30:00Z"))).toBe(true);
    expect(isMourningDay(["2023-12-13"], new Date("2023-12-12T15:30:00Z"))).toBe(false);
  });

  it("send a date check only when there are days", () => {
    expect(mourningScript([])).toBeNull();
    const script = mourningScript(["2023-12-13"])!;
    expect(script).toContain('["2023-12-13"]');
    expect(script).toContain("Asia/Shanghai");
  });
});
