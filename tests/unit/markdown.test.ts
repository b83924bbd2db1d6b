import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/content/markdown";

describe("renderMarkdown", () => {
  it("renders paragraphs and turns the shallowest subhead into h2 with an id", () => {
    const r = renderMarkdown("第一段。\n\n#### 当好“把关者” 选优“暖心人”\n\n第二段。\n\n##### 更小\n");
    expect(r.html).toContain("<p>第一段。</p>");
    expect(r.html).toMatch(/<h2 id="[^"]+">当好“把关者” 选优“暖心人”<\/h2>/);
    expect(r.html).toContain("<h3");
    expect(r.headings.map((h) => [h.depth, h.text])).toEqual([
      [2, "当好“把关者” 选优“暖心人”"],
      [3, "更小"],
    ]);
    expect(r.text.split("\n")).toEqual(["第一段。", "当好“把关者” 选优“暖心人”", "第二段。", "更小"]);
  });

  it("never lets scripts, javascript: links or event handlers through", () => {
    const r = renderMarkdown(
      [
        "<script>alert(1)</script>",
        "",
        '[点我](javascript:alert(1)) <a href="javascript:alert(2)" onclick="x()">链接</a>',
        "",
        '<img src="x.png" onerror="alert(3)">',
        "",
        '<div onmouseover="alert(4)">悬停</div>',
        "",
        "![图](javascript:alert(5))",
      ].join("\n"),
    );
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/javascript:/i);
    expect(r.html).not.toMatch(/\son[a-z]+=/i);
    expect(r.html).toContain("点我");
  });

  it("keeps ordinary links and GFM tables", () => {
    const r = renderMarkdown("[县政府](https://example.org/)\n\n| 项目 | 数量 |\n| --- | --- |\n| 生产线 | 14 |\n");
    expect(r.html).toContain('<a href="https://example.org/">县政府</a>');
    expect(r.html).toContain("<table>");
  });
});
