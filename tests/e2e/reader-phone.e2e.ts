import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { E2E_MOURNING_DAY } from "../helpers/e2e-content";
import { e2eDatabaseUrl, e2eProvider } from "../helpers/e2e-database";

// A newspaper on a reader's phone (issue 17): the header's share of the first screen, the lead headline's place,
// no sideways scrolling and 44 × 44 px targets at every width, text size and in 长辈模式; the front page at
// 1440 × 900 with every headline of the source issue above the fold; index pages' counts against the database;
// the clean search URL; the mourning switch; 听新闻 only with a Chinese voice; screenshots for the README.

const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
];
/** Text size and elders' mode as the inline script reads them from localStorage. */
const MODES = [
  { name: "小", size: "s", elder: false },
  { name: "中", size: "m", elder: false },
  { name: "大", size: "l", elder: false },
  { name: "长辈模式", size: "m", elder: true },
  { name: "长辈模式 大", size: "l", elder: true },
] as const;
type Mode = (typeof MODES)[number];

const SOURCE_HEADLINES = [
  "2023，为左权发展精准抓落实",
  "在『严管』中彰显『厚爱』",
  "写好乡村振兴大文章",
  "创新引领发展 打造行业标杆",
  "左权天然乳胶产业园 首批生产线投产运行",
];
const ARTICLE = "/articles/jinyu-shuini-chuangxin";
const SHOTS = "docs/screenshots";

async function setMode(page: Page, mode: Mode) {
  await page.addInitScript((m) => {
    if (m.size === "m") localStorage.removeItem("zq-text-size");
    else localStorage.setItem("zq-text-size", m.size);
    if (m.elder) localStorage.setItem("zq-elder", "1");
    else localStorage.removeItem("zq-elder");
  }, mode);
}

async function sidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Visible targets smaller than `min` px either way: navigation, controls and list links. */
async function smallTargets(page: Page, min: number) {
  return page
    .locator(
      [
        ".masthead-name",
        ".section-nav a",
        ".elder-mode",
        ".text-size button",
        ".header-search input",
        ".header-search button",
        ".search-main input",
        ".search-main button",
        ".search-advanced summary",
        ".card-title a",
        ".meta a",
        ".breadcrumbs a",
        ".pagination a",
        ".tag-pills a",
        ".article-tags a",
        ".rail-list a",
        ".index-list a",
        ".issue-neighbours a",
        ".footer-nav a",
        ".paper-info a",
        ".read-aloud",
      ].join(", "),
    )
    .evaluateAll(
      (els, min) =>
        els
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0)
          .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
          .map(
            ({ el, box }) =>
              `${el.className || el.tagName} “${el.textContent?.trim().slice(0, 12)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      min,
    );
}

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height}: header, lead headline, no sideways scroll and 44 px targets in every mode`, async ({
    browser,
  }) => {
    for (const mode of MODES) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await setMode(page, mode);
      await page.goto("/");
      const label = `${viewport.width}×${viewport.height} ${mode.name}`;
      const header = await page.locator("header.site-header").boundingBox();
      const lead = await page.locator(".lead-story .card-title").boundingBox();
      console.log(`${label}: header ${Math.round(header!.height)} px, lead headline top ${Math.round(lead!.y)} px`);
      // The header (masthead, section bar, controls) takes at most a quarter of the first screen…
      expect(header!.height, `${label}: header height`).toBeLessThanOrEqual(viewport.height * 0.25);
      // …and the lead headline starts in the first half of it.
      expect(lead!.y, `${label}: lead headline top`).toBeLessThanOrEqual(viewport.height * 0.5);
      // 字号 scales the reading text, not the chrome.
      const navFont = await page
        .locator(".section-nav a")
        .first()
        .evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
      expect(navFont, `${label}: section bar's font`).toBe(mode.elder ? 18 : 16);

      const min = mode.elder ? 48 : 44;
      for (const path of ["/", ARTICLE, "/sections/industry", "/tags", `/search?q=${encodeURIComponent("乳胶")}`]) {
        if (path !== "/") await page.goto(path);
        expect(await sidewaysScroll(page), `${label} ${path}: sideways scroll`).toBeLessThanOrEqual(0);
        expect(await smallTargets(page, min), `${label} ${path}: targets under ${min} px`).toEqual([]);
      }
      await context.close();
    }
  });
}

test("the sections sit in one horizontally scrolling bar on a phone, and the header's controls are compact", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  const links = page.getByRole("navigation", { name: "版块" }).getByRole("link");
  const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
  expect(new Set(tops).size, "one row").toBe(1);
  const bar = page.locator(".section-nav ul");
  expect(await bar.evaluate((ul) => ul.scrollWidth > ul.clientWidth && getComputedStyle(ul).overflowX)).toBe("auto");
  // Search and 字号 share one row.
  const search = await page.locator(".header-search").boundingBox();
  const sizes = await page.locator(".text-size").boundingBox();
  expect(Math.abs(search!.y - sizes!.y)).toBeLessThan(4);
});

test("at 1440×900 every headline of the source issue is above the fold, with a side rail", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  for (const title of SOURCE_HEADLINES) {
    const box = await page.locator(".front-main .card-title", { hasText: title }).boundingBox();
    expect(box, title).not.toBeNull();
    expect(box!.y + box!.height, `${title}: bottom`).toBeLessThanOrEqual(900);
  }
  const rail = page.getByRole("complementary", { name: "导读" });
  await expect(rail.getByRole("heading", { name: "本期目录" })).toBeVisible();
  await expect(rail.getByRole("heading", { name: "标签" })).toBeVisible();
  expect((await rail.boundingBox())!.x).toBeGreaterThan(900);
  // Excerpts are short: at most three lines on the dense cards.
  const lines = await page
    .locator(".front-sections .excerpt")
    .evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
  for (const n of lines) expect(n).toBeLessThanOrEqual(3.2);
});

test("masthead: the paper's name first, the edition's date with its weekday, the banner as a banner", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.locator(".masthead-name")).toHaveText("左权报");
  await expect(page.locator(".edition-line")).toContainText("2022年12月20日 星期二");
  const banner = page.locator(".edition-header .banner");
  await expect(banner).toHaveText("新时代 新征程 新伟业");
  expect(await banner.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
});

/** Each entry's visible stories, counted in SQL on the browser tests' database. */
async function countsInDatabase(kind: "section" | "column" | "tag" | "author"): Promise<Map<string, number>> {
  const sql = {
    section: `SELECT s.slug AS k, COUNT(a.id) AS n FROM "Section" s LEFT JOIN "Article" a ON a."sectionId" = s.id AND NOT a.draft AND a."publishedAt" <= $1 GROUP BY s.slug`,
    column: `SELECT c.slug AS k, COUNT(a.id) AS n FROM "Column" c LEFT JOIN "Article" a ON a."columnId" = c.id AND NOT a.draft AND a."publishedAt" <= $1 GROUP BY c.slug`,
    tag: `SELECT t.name AS k, COUNT(a.id) AS n FROM "Tag" t JOIN "ArticleTag" x ON x."tagId" = t.id JOIN "Article" a ON a.id = x."articleId" AND NOT a.draft AND a."publishedAt" <= $1 GROUP BY t.name`,
    author: `SELECT p.name AS k, COUNT(a.id) AS n FROM "Author" p JOIN "Byline" b ON b."authorId" = p.id JOIN "Article" a ON a.id = b."articleId" AND NOT a.draft AND a."publishedAt" <= $1 GROUP BY p.name`,
  }[kind];
  const url = e2eDatabaseUrl();
  let rows: { k: string; n: number | string }[];
  if (e2eProvider() === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    rows = (await client.query(sql, [new Date()])).rows;
    await client.end();
  } else {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true });
    rows = db.prepare(sql.replace("$1", "?")).all(new Date().toISOString()) as typeof rows;
    db.close();
  }
  return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

test("the index pages list every section, column, tag and author with its count, as the database has them", async ({
  page,
}) => {
  for (const [kind, path, name] of [
    ["section", "/sections", "版块"],
    ["column", "/columns", "栏目"],
    ["tag", "/tags", "标签"],
    ["author", "/authors", "作者"],
  ] as const) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`全部${name}`);
    const shown = await page.locator(".index-list a").evaluateAll((as) =>
      as.map((a) => ({
        key: decodeURIComponent(a.getAttribute("href")!.split("/").pop()!),
        count: Number(a.querySelector(".index-count")!.textContent.replace(/\D/g, "")),
      })),
    );
    const expected = await countsInDatabase(kind);
    const nonEmpty = [...expected].filter(([, n]) => kind === "section" || kind === "column" || n > 0);
    expect(shown.length, `${path}: entries`).toBe(nonEmpty.length);
    for (const { key, count } of shown) expect(count, `${path}: ${key}`).toBe(expected.get(key));
  }
  // Linked from the footer and the breadcrumbs.
  await page.goto(ARTICLE);
  await page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "版块" }).click();
  await expect(page).toHaveURL(/\/sections$/);
  await page.getByRole("contentinfo").getByRole("link", { name: "作者" }).click();
  await expect(page).toHaveURL(/\/authors$/);
  await page.getByRole("contentinfo").getByRole("link", { name: "关于本报" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("关于左权报");
  await expect(page.locator(".about .paper-info")).toContainText("主办单位（待填写）");
});

test("search: empty parameters redirect to the clean URL; one box; filters folded; out-of-range pages say so", async ({
  page,
  request,
}) => {
  const res = await request.get(`/search?q=${encodeURIComponent("乳胶")}&section=&author=&issue=&from=&to=`, {
    maxRedirects: 0,
  });
  expect([307, 308]).toContain(res.status());
  expect(res.headers()["location"]).toBe(`/search?q=${encodeURIComponent("乳胶")}`);

  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(`/search?q=${encodeURIComponent("乳胶")}`);
  await expect(page.getByRole("searchbox")).toHaveCount(1);
  await expect(page.locator(".search-advanced")).not.toHaveAttribute("open");
  await expect(page.getByRole("combobox", { name: "版块" })).toBeHidden();
  // The count and the first result are on the first screen.
  const summary = await page.locator(".search-summary").boundingBox();
  const first = await page.locator(".search-hit .card-title").first().boundingBox();
  expect(summary!.y).toBeLessThan(780);
  expect(first!.y + first!.height).toBeLessThanOrEqual(780);
  // No stray ASCII spaces between Chinese characters in the snippets.
  for (const text of await page.locator(".search-hit .excerpt").allTextContents())
    expect(text).not.toMatch(/[\p{Script=Han}。，”] +[\p{Script=Han}“]/u);

  await page.goto(`/search?q=${encodeURIComponent("乳胶")}&page=9`);
  await expect(page.getByText("第 9 页没有结果")).toBeVisible();
  await page.getByRole("link", { name: /回到第 1 页/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent("乳胶")}$`));

  await page.goto(`/search?q=${encodeURIComponent("羊")}&section=commentary`);
  await expect(page.locator(".empty-state")).not.toContainText("更短");
});

test("mourning days turn the whole site grey, also in a copy cached before the day", async ({ page }) => {
  await page.clock.setFixedTime(new Date(`${E2E_MOURNING_DAY}T10:00:00+08:00`));
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/mourning/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).filter)).toBe("grayscale(1)");
  await page.clock.setFixedTime(new Date("2000-01-02T10:00:00+08:00"));
  await page.goto(ARTICLE);
  await expect(page.locator("html")).not.toHaveClass(/mourning/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).filter)).toBe("none");
});

/** A speechSynthesis with the given voices, recording what it is asked to speak. */
function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
  return page.addInitScript((voices) => {
    const spoken: string[] = [];
    Object.assign(window, { __spoken: spoken });
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        getVoices: () => voices,
        speak: (u: { text: string }) => spoken.push(u.text),
        cancel: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      },
    });
    Object.defineProperty(window, "SpeechSynthesisUtterance", {
      configurable: true,
      value: class {
        constructor(public text: string) {}
      },
    });
  }, voices);
}

test("听新闻 is offered only when the browser has a Chinese voice, and reads the story", async ({ browser }) => {
  for (const [voices, offered] of [
    [[], false],
    [[{ lang: "en-US", name: "English" }], false],
    [[{ lang: "zh-CN", name: "普通话" }], true],
  ] as const) {
    const page = await browser.newPage();
    await stubSpeech(page, [...voices]);
    await page.goto(ARTICLE);
    await expect(page.locator(".article-body")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: "听新闻" })).toHaveCount(offered ? 1 : 0);
    if (offered) {
      await page.getByRole("button", { name: "听新闻" }).click();
      const spoken = await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
      expect(spoken[0]).toBe("创新引领发展 打造行业标杆");
      expect(spoken.join("")).toContain("贡献金隅力量");
      await expect(page.getByRole("button", { name: "停止朗读" })).toBeVisible();
    }
    await page.close();
  }
});

test("article conventions: the dateline runs into the first paragraph; one labelled meta line; QR code on wide screens", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(ARTICLE);
  const first = page.locator(".article-body p").first();
  await expect(first.locator(".dateline")).toHaveText("本报讯");
  await expect(first).toContainText(/^本报讯\u3000\S/);
  const meta = page.locator(".article-header .meta");
  await expect(meta).toContainText("作者：");
  await expect(meta).toContainText("版块：产业经济");
  await expect(meta).toContainText("日期：2022年12月20日");
  expect(((await meta.textContent()) ?? "").match(/2022年12月20日/g)).toHaveLength(1);
  await expect(page.getByRole("img", { name: "本文网址的二维码" })).toBeVisible();
  await expect(page.getByText("手机扫码阅读")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("img", { name: "本文网址的二维码" })).toBeHidden();
  // Prev/next stack full width on a phone.
  const links = await page.getByRole("navigation", { name: "本期上下篇" }).getByRole("link").all();
  for (const link of links) expect((await link.boundingBox())!.width).toBeGreaterThan(300);
});

test("two-part headlines break at their space, each part whole", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/articles/rujiao-chanyeyuan-touchan");
  const parts = page.locator(".article-header h1 .hl-part");
  await expect(parts).toHaveText(["左权天然乳胶产业园", "首批生产线投产运行"]);
  // Each part on one line of its own: its height is one line.
  for (const part of await parts.all()) {
    const lines = await part.evaluate(
      (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
    );
    expect(lines).toBeLessThan(1.5);
  }
});

test("screenshots of the front page, an article and search at phone and desktop width (docs/screenshots)", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const { width, height } of [VIEWPORTS[0]!, VIEWPORTS[3]!]) {
    await page.setViewportSize({ width, height });
    for (const [name, path] of [
      ["front", "/"],
      ["article", ARTICLE],
      ["search", `/search?q=${encodeURIComponent("乳胶")}`],
    ] as const) {
      await page.goto(path);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
    }
  }
});
