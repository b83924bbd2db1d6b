// A synthetic, deterministic content tree for bench/search.ts: tens of thousands of articles of
// plausible county-paper Chinese, made by recombining the sentences and clauses of the real
// articles in content/issues/ (numbers varied, place names swapped), with the real sections and
// columns, a byline pool, a tag pool, and invented phrases planted in known articles for recall.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentFile } from "../lib/content/parse";
import { splitSentences } from "../lib/content/text";

// ---------------------------------------------------------------------------------------------
// Seeded randomness: the same seed gives the same corpus, so runs are comparable.

export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** mulberry32: small, fast, and good enough for test data. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Favors the start of the list (more, the higher `power`), so some tags and names are much more common than others. */
  skewed<T>(list: readonly T[], power: number): T {
    return list[Math.floor(this.next() ** power * list.length)]!;
  }
  /** `k` distinct items. */
  sample<T>(list: readonly T[], k: number, draw: (l: readonly T[]) => T = (l) => this.pick(l)): T[] {
    const out = new Set<T>();
    while (out.size < Math.min(k, list.length)) out.add(draw(list));
    return [...out];
  }
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists

/** Shanxi counties: full name and the short form the text uses (左权县 / 左权). */
const COUNTIES: [string, string][] = [
  ["左权县", "左权"],
  ["榆社县", "榆社"],
  ["和顺县", "和顺"],
  ["昔阳县", "昔阳"],
  ["寿阳县", "寿阳"],
  ["太谷区", "太谷"],
  ["平遥县", "平遥"],
  ["灵石县", "灵石"],
  ["介休市", "介休"],
  ["武乡县", "武乡"],
  ["襄垣县", "襄垣"],
  ["黎城县", "黎城"],
  ["壶关县", "壶关"],
  ["平顺县", "平顺"],
  ["阳城县", "阳城"],
  ["陵川县", "陵川"],
  ["沁水县", "沁水"],
  ["高平市", "高平"],
  ["泽州县", "泽州"],
  ["平定县", "平定"],
  ["五台县", "五台"],
  ["繁峙县", "繁峙"],
  ["静乐县", "静乐"],
  ["交城县", "交城"],
  ["文水县", "文水"],
  ["汾阳市", "汾阳"],
  ["孝义市", "孝义"],
  ["乡宁县", "乡宁"],
  ["安泽县", "安泽"],
  ["浮山县", "浮山"],
  ["翼城县", "翼城"],
  ["曲沃县", "曲沃"],
  ["垣曲县", "垣曲"],
  ["闻喜县", "闻喜"],
  ["平陆县", "平陆"],
  ["芮城县", "芮城"],
];
const TOWNS = [
  "辽阳镇",
  "桐峪镇",
  "麻田镇",
  "芹泉镇",
  "拐儿镇",
  "寒王乡",
  "石匣乡",
  "龙泉乡",
  "粟城乡",
  "羊角乡",
  "沙峪乡",
  "松烟镇",
  "马坊镇",
  "青城镇",
  "义兴镇",
  "横岭镇",
  "李阳镇",
  "平松乡",
  "云簇镇",
  "河峪镇",
  "北社乡",
  "东阳镇",
  "紫岩镇",
  "沾尚镇",
];
const VILLAGES = [
  "梁峪村",
  "龙则村",
  "西瑶村",
  "苏亭村",
  "上武村",
  "下庄村",
  "西河头村",
  "北艾铺村",
  "泽城村",
  "老井村",
  "桐峪村",
  "麻田村",
  "寺坪村",
  "峧口村",
  "石港口村",
  "口则村",
  "窑门前村",
  "车谷村",
  "清漳村",
  "南会村",
  "东寨村",
  "五里堠村",
  "柏峪村",
  "杨家庄村",
];
const CITIES = ["晋中", "长治", "阳泉", "吕梁", "临汾", "运城", "晋城", "忻州", "太原"];

const TOPICS = [
  "乡村振兴",
  "基层治理",
  "营商环境",
  "招商引资",
  "科技创新",
  "文旅融合",
  "人居环境整治",
  "疫情防控",
  "网格化管理",
  "稳岗就业",
  "产业发展",
  "项目建设",
  "民生工程",
  "生态保护",
  "河长制",
  "林长制",
  "安全生产",
  "教育均衡",
  "医疗托管",
  "全域旅游",
  "红色旅游",
  "抽水蓄能",
  "清洁取暖",
  "数字经济",
  "电商直播",
  "核桃产业",
  "连翘种植",
  "杂粮加工",
  "肉羊养殖",
  "光伏发电",
  "集体经济",
  "农田水利",
  "高标准农田",
  "乡风文明",
  "移风易俗",
  "党史学习教育",
  "作风建设",
  "干部队伍建设",
  "基层党建",
  "志愿服务",
  "文明创建",
  "社会救助",
  "养老服务",
  "防汛救灾",
  "森林防火",
  "食品安全",
  "城乡融合",
  "农村公路",
  "新能源",
  "煤矿安全",
  "资源整合",
  "转型发展",
  "招才引智",
  "职业教育",
  "非遗传承",
  "开花调传承",
  "小花戏",
  "写生基地",
  "防返贫监测",
  "消费帮扶",
  "金融服务",
  "审批服务",
  "法治建设",
  "平安建设",
  "信访工作",
  "耕地保护",
  "种业振兴",
  "冬季供暖",
  "全民健身",
  "图书馆建设",
];
const INDUSTRIES = [
  "核桃",
  "连翘",
  "杂粮",
  "肉羊",
  "小米",
  "花椒",
  "中药材",
  "光伏",
  "煤炭",
  "水泥",
  "乳胶",
  "石英砂",
  "铁矿",
  "民宿",
  "蔬菜大棚",
  "食用菌",
  "苹果",
  "蜂蜜",
  "香菇",
  "黄芪",
];
const VERBS = [
  "推进",
  "扎实推进",
  "全力推进",
  "加快推进",
  "持续深化",
  "聚力打造",
  "全面提升",
  "着力优化",
  "稳步推进",
  "大力发展",
  "做强",
  "抓实",
  "激活",
];
const RESULTS = [
  "取得新成效",
  "迈出新步伐",
  "跑出加速度",
  "见行见效",
  "提质增效",
  "结出硕果",
  "展现新作为",
  "开创新局面",
  "按下快进键",
  "再上新台阶",
];
const BRANDS = [
  "金隅",
  "华晟",
  "宏达",
  "恒泰",
  "晋丰",
  "太行",
  "清漳",
  "龙泉",
  "兴盛",
  "永昌",
  "振邦",
  "中晋",
  "鑫源",
  "瑞丰",
  "德润",
];
const COMPANY_KINDS = [
  "水泥有限公司",
  "农业开发有限公司",
  "食品有限公司",
  "新能源有限公司",
  "矿业有限责任公司",
  "文化旅游有限公司",
  "肉业有限责任公司",
];

const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文景靳",
];
const GIVEN = [
  ..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华玉萍红鹏飞晓文亚萱丹宇浩然涵欣怡琪雨轩梅建国志海燕斌星帆硕威晨霄慧婷鑫博宏俊峰",
];

/** Rare characters that appear nowhere else: planted phrases are made of them, so each is unique. */
const PLANT_CHARS = [..."犇骉淼垚焱燚赑鱻彧翀昶旻珺琮瑀璟骞骕麒翕皛曌喆甪槑"];
const PLANT_SUFFIXES = [
  "科技",
  "实业",
  "农牧",
  "商贸",
  "生物",
  "矿业",
  "文旅",
  "建材",
  "合作社",
  "食品",
  "物流",
  "新能源",
];
/** Another set of rare characters, disjoint from the above and from all text: for queries that must find nothing. */
export const NO_MATCH_CHARS = [..."靐龘龖厵灪籱爩齉麷麤㵘㙓㐂叒叕芔茻"];

// ---------------------------------------------------------------------------------------------
// Raw material from the real articles

interface Material {
  sentences: string[];
  clauses: string[];
  /** Clauses short enough for a headline. */
  shortClauses: string[];
  subheads: string[];
  tags: string[];
}

const QUOTE_PAIRS: [string, string][] = [
  ["“", "”"],
  ["‘", "’"],
  ["『", "』"],
  ["「", "」"],
  ["(", ")"],
];
const balanced = (s: string) => QUOTE_PAIRS.every(([open, close]) => s.split(open).length === s.split(close).length);

function readMaterial(contentRoot: string): Material {
  const material: Material = { sentences: [], clauses: [], shortClauses: [], subheads: [], tags: [] };
  const issuesDir = path.join(contentRoot, "issues");
  for (const issue of readdirSync(issuesDir)) {
    for (const file of readdirSync(path.join(issuesDir, issue)).filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(path.join(issuesDir, issue, file), "utf8");
      const [, frontmatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const tags = /^tags: \[(.*)\]$/m.exec(frontmatter)?.[1];
      if (tags) material.tags.push(...tags.split(",").map((t) => t.trim()));
      for (const line of body.split("\n").map((l) => l.trim())) {
        if (!line) continue;
        if (line.startsWith("#")) {
          material.subheads.push(line.replace(/^#+\s*/, ""));
          continue;
        }
        for (const sentence of splitSentences(line)) {
          // Sentences broken inside a quotation would leave stray quote marks: keep whole ones only.
          if (balanced(sentence) && sentence.length >= 8) material.sentences.push(sentence);
          for (const clause of sentence.replace(/[。!?]+$/u, "").split(/[,;:]/u)) {
            if (balanced(clause) && clause.length >= 4 && clause.length <= 40) material.clauses.push(clause);
          }
        }
      }
    }
  }
  material.shortClauses = material.clauses.filter((c) => c.length >= 8 && c.length <= 18);
  return material;
}

// ---------------------------------------------------------------------------------------------
// The corpus

export interface PlantedPhrase {
  phrase: string;
  slug: string;
  where: "title" | "body";
}

export interface Corpus {
  files: ContentFile[];
  articles: number;
  issues: number;
  planted: PlantedPhrase[];
  bylines: number;
  tags: number;
  /** Characters of Markdown bodies, to report the corpus' size. */
  bodyChars: number;
}

export interface CorpusOptions {
  articles: number;
  /** Planted phrases; each goes into exactly one article. */
  plants?: number;
  seed?: number;
  contentRoot?: string;
  /** The newest issue's date; issues go back one day at a time from here. */
  newest?: string;
}

/** Where the real text names its county, towns, villages and city: swapped per article. */
const PLACE = /左权县|左权|辽阳镇|梁峪村|龙则村|西瑶村|苏亭村|晋中/g;

interface Setting {
  county: [string, string];
  town: string;
  villages: Map<string, string>;
  city: string;
  year: number;
}

export function buildCorpus({
  articles,
  plants = 200,
  seed = 20221220,
  contentRoot = "content",
  newest = "2026-11-29",
}: CorpusOptions): Corpus {
  const r = new Random(seed);
  const material = readMaterial(contentRoot);
  checkRareCharacters(material);

  const bylinePool = namePool(r, 300);
  const tagPool = tagPoolOf(r, material.tags, 500);
  const columns = [...readFileSync(path.join(contentRoot, "columns.yaml"), "utf8").matchAll(/^- slug: (\S+)/gm)].map(
    (m) => m[1]!,
  );
  const sections = [...readFileSync(path.join(contentRoot, "sections.yaml"), "utf8").matchAll(/^- slug: (\S+)/gm)].map(
    (m) => m[1]!,
  );

  // Which article gets which phrase: spread evenly over the corpus; every tenth one goes into a headline.
  const phrases = plantedPhrases(r, plants);
  const plantAt = new Map<number, { phrase: string; where: PlantedPhrase["where"] }>();
  phrases.forEach((phrase, i) => {
    const at = Math.min(articles - 1, Math.floor(((i + r.next()) * articles) / phrases.length));
    plantAt.set(at, { phrase, where: i % 10 === 5 ? "title" : "body" });
  });

  const files: ContentFile[] = [
    { path: `${contentRoot}/sections.yaml`, text: readFileSync(path.join(contentRoot, "sections.yaml"), "utf8") },
    { path: `${contentRoot}/columns.yaml`, text: readFileSync(path.join(contentRoot, "columns.yaml"), "utf8") },
  ];
  const planted: PlantedPhrase[] = [];
  let bodyChars = 0;
  // Issues of 8–10 articles, newest first, one a day going back in time.
  const issueSizes: number[] = [];
  for (let left = articles; left > 0;) {
    const n = Math.min(left, r.int(8, 10));
    issueSizes.push(n);
    left -= n;
  }
  const newestTime = Date.parse(`${newest}T00:00:00Z`);
  let index = 0;
  issueSizes.forEach((size, issueIndex) => {
    const date = new Date(newestTime - issueIndex * 86_400_000).toISOString().slice(0, 10);
    const slugs: string[] = [];
    const titles = new Set<string>();
    for (let position = 1; position <= size; position++, index++) {
      const slug = `a-${date}-${position}`;
      slugs.push(slug);
      const setting: Setting = {
        county: r.pick(COUNTIES),
        town: r.pick(TOWNS),
        villages: new Map(),
        city: r.pick(CITIES),
        year: Number(date.slice(0, 4)),
      };
      const plant = plantAt.get(index);
      // Headlines must differ within an issue (the parser rejects a repeated one).
      let article = composeArticle(r, material, setting, plant);
      while (titles.has(article.title)) article = composeArticle(r, material, setting, plant);
      titles.add(article.title);
      if (plant) planted.push({ phrase: plant.phrase, slug, where: plant.where });
      const section = r.pick(sections);
      const frontmatter = [
        article.kicker && `kicker: ${JSON.stringify(article.kicker)}`,
        `title: ${JSON.stringify(article.title)}`,
        article.subtitle && `subtitle: ${JSON.stringify(article.subtitle)}`,
        `section: ${section}`,
        r.chance(0.12) && `column: ${r.pick(columns)}`,
        r.chance(0.4) && "dateline: 本报讯",
        `bylines: [${r.sample(bylinePool, r.chance(0.2) ? 2 : 1, (l) => r.skewed(l, 1.5)).join(", ")}]`,
        `tags: [${r.sample(tagPool, r.int(2, 5), (l) => r.skewed(l, 2.5)).join(", ")}]`,
      ].filter(Boolean);
      bodyChars += article.body.length;
      files.push({
        path: `${contentRoot}/issues/${date}/${slug}.md`,
        text: `---\n${frontmatter.join("\n")}\n---\n\n${article.body}\n`,
      });
    }
    const number = issueSizes.length - issueIndex;
    files.push({
      path: `${contentRoot}/issues/${date}/issue.yaml`,
      text: `date: ${date}\nnumber: ${number}\narticles:\n${slugs.map((s) => `  - ${s}`).join("\n")}\n`,
    });
  });
  checkAbsent(files, NO_MATCH_CHARS);
  return {
    files,
    articles,
    issues: issueSizes.length,
    planted,
    bylines: bylinePool.length,
    tags: tagPool.length,
    bodyChars,
  };
}

function composeArticle(
  r: Random,
  m: Material,
  s: Setting,
  plant: { phrase: string; where: PlantedPhrase["where"] } | undefined,
) {
  const local = (text: string) => vary(r, swapPlaces(r, text, s), s.year);
  const topic = r.pick(TOPICS);
  let title = r.pick<() => string>([
    () => `${s.county[0]}${r.pick(VERBS)}${topic}`,
    () => `${topic}${r.pick(RESULTS)}`,
    () => `${s.town}:${topic}${r.pick(RESULTS)}`,
    () => `${r.pick(VERBS)}${topic} ${r.pick(VERBS)}${r.pick(TOPICS)}`,
    () => `${s.county[1]}${r.pick(INDUSTRIES)}产业${r.pick(RESULTS)}`,
    () => local(r.pick(m.shortClauses)),
  ])();
  if (plant?.where === "title") title = `${plant.phrase}项目落户${s.county[0]}`;
  const kicker = r.chance(0.1) ? `${s.county[1]}${r.pick(BRANDS)}${r.pick(COMPANY_KINDS)}` : undefined;
  const subtitle = r.chance(0.1) ? `${s.county[1]}${local(r.pick(m.clauses))}` : undefined;

  // Paragraphs of 2–4 sentences: a real sentence or a new one from shuffled clauses.
  const target = r.int(600, 1500);
  const paragraphs: string[][] = [];
  let length = 0;
  while (length < target) {
    const paragraph: string[] = [];
    for (let k = r.int(2, 4); k > 0; k--) {
      const sentence = r.chance(0.6) ? r.pick(m.sentences) : `${r.sample(m.clauses, r.int(2, 4)).join(",")}。`;
      paragraph.push(local(sentence));
    }
    paragraphs.push(paragraph);
    length += paragraph.reduce((n, p) => n + p.length, 0);
  }
  if (plant?.where === "body") {
    const paragraph = r.pick(paragraphs);
    const sentence = r.pick([
      `${plant.phrase}负责人介绍说:“${local(r.pick(m.clauses))}。”`,
      `据了解,${plant.phrase}${local(r.pick(m.clauses))}。`,
      `由${plant.phrase}投资建设的项目,${local(r.pick(m.clauses))}。`,
    ]);
    paragraph.splice(r.int(0, paragraph.length), 0, sentence);
  }

  // About a third of the stories have subheads (####, as the print layout marks them) between paragraphs.
  const blocks = paragraphs.map((p) => p.join(""));
  if (r.chance(0.3) && blocks.length >= 4) {
    const subheads = r.int(2, 3);
    const step = Math.max(1, Math.floor((blocks.length - 1) / subheads));
    for (let k = subheads - 1; k >= 0; k--) {
      const heading = r.chance(0.5)
        ? local(r.pick(m.subheads))
        : `${r.pick(["写好", "做实", "念好", "答好", "下好"])}${r.pick(TOPICS)}${r.pick(["文章", "这盘棋", "必答题"])} 在${r.pick(TOPICS)}上${r.pick(["求突破", "增保障", "注活力", "见实效"])}`;
      blocks.splice(1 + k * step, 0, `#### ${heading}`);
    }
  }
  return { title, kicker, subtitle, body: blocks.join("\n\n") };
}

function swapPlaces(r: Random, text: string, s: Setting): string {
  return text.replace(PLACE, (place) => {
    if (place === "左权县") return s.county[0];
    if (place === "左权") return s.county[1];
    if (place === "辽阳镇") return s.town;
    if (place === "晋中") return s.city;
    let village = s.villages.get(place);
    if (!village) s.villages.set(place, (village = r.pick(VILLAGES)));
    return village;
  });
}

/** New numbers of the same shape; years stay near the issue's year, months and days stay on the calendar. */
function vary(r: Random, text: string, year: number): string {
  return text.replace(/(\d+(?:\.\d+)?)(月|日)?/g, (_, n: string, unit: string | undefined) => {
    if (unit === "月") return `${r.int(1, 12)}月`;
    if (unit === "日") return `${r.int(1, 28)}日`;
    if (/^20\d\d$/.test(n)) return String(year - r.int(0, 1));
    const [whole = "", fraction] = n.split(".");
    const digits = (count: number, first: boolean) =>
      Array.from({ length: count }, (_, i) => String(i === 0 && first && count > 1 ? r.int(1, 9) : r.int(0, 9))).join(
        "",
      );
    return fraction === undefined
      ? digits(whole.length, true)
      : `${digits(whole.length, true)}.${digits(fraction.length, false)}`;
  });
}

function namePool(r: Random, size: number): string[] {
  const names = new Set<string>();
  while (names.size < size) names.add(r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : ""));
  return [...names];
}

/** The real tags, topics and places, then "place + industry" tags up to `size`; shuffled so popularity is arbitrary. */
function tagPoolOf(r: Random, realTags: string[], size: number): string[] {
  const tags = new Set([...realTags, ...TOPICS, ...COUNTIES.map((c) => c[0]), ...TOWNS]);
  const combos = r.shuffle(COUNTIES.flatMap(([, short]) => INDUSTRIES.map((i) => `${short}${i}`)));
  for (const combo of combos) {
    if (tags.size >= size) break;
    tags.add(combo);
  }
  return r.shuffle([...tags]);
}

/** Invented company names of rare characters, 4–8 long, none inside another (so each matches one article only). */
function plantedPhrases(r: Random, count: number): string[] {
  const phrases: string[] = [];
  while (phrases.length < count) {
    const rare = Array.from({ length: r.int(2, 3) }, () => r.pick(PLANT_CHARS)).join("");
    let phrase = rare + r.pick(PLANT_SUFFIXES);
    if (phrase.length <= 6 && r.chance(0.3)) phrase += "公司";
    if (phrases.some((p) => p.includes(phrase) || phrase.includes(p))) continue;
    phrases.push(phrase);
  }
  return phrases;
}

function checkRareCharacters(m: Material): void {
  const all = [m.sentences, m.clauses, m.subheads, m.tags].flat().join("");
  const words = [
    COUNTIES.flat(),
    TOWNS,
    VILLAGES,
    CITIES,
    TOPICS,
    INDUSTRIES,
    VERBS,
    RESULTS,
    BRANDS,
    COMPANY_KINDS,
    SURNAMES,
    GIVEN,
    PLANT_SUFFIXES,
  ]
    .flat()
    .join("");
  for (const ch of [...PLANT_CHARS, ...NO_MATCH_CHARS]) {
    if (all.includes(ch) || words.includes(ch))
      throw new Error(`corpus: the "rare" character ${ch} occurs in the raw material; pick another`);
  }
  for (const ch of PLANT_CHARS)
    if (NO_MATCH_CHARS.includes(ch)) throw new Error(`corpus: ${ch} is both a planted and a no-match character`);
}

function checkAbsent(files: ContentFile[], chars: string[]): void {
  const any = new RegExp(`[${chars.join("")}]`, "u");
  const hit = files.find((f) => any.test(f.text));
  if (hit) throw new Error(`corpus: a no-match character occurs in ${hit.path}`);
}
