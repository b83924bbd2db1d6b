// Bylines, photo credits, datelines and reprint sources as county papers print them.

import { CREDIT_ROLES, type BylineRole, type Credit } from "../schemas";
import { hasCommonSurname } from "./surnames";

/** Role words, longest first so that 本报记者 is read before 记者. */
const ROLES: readonly BylineRole[] = [...CREDIT_ROLES].sort((a, b) => b.length - a.length);

/** What a credited person did: wrote, photographed, or both (文/图). */
type Did = "text" | "photo" | "both";

/** Printed before names with a slash: 文/张三, 图/李四. */
const DID_BEFORE: Record<string, Did> = { "文/": "text", "图/": "photo", "摄/": "photo", "摄影/": "photo" };
/** Printed after names: 张三 报道, 李四 摄, 王五 文/图. */
const DID_AFTER: Record<string, Did> = {
  报道: "text",
  文: "text",
  撰文: "text",
  整理: "text",
  摄影报道: "both",
  图文报道: "both",
  摄: "photo",
  摄影: "photo",
  供图: "photo",
  图: "photo",
};
/** Roles that mean a photographer: 摄影 张三 credits a photo. */
const PHOTO_ROLES = new Set<BylineRole | null>(["摄影", "摄影记者"]);
/** Text and photo by the same people; before or after the names. */
const DID_BOTH = new Set(["文/图", "图/文", "文图", "图文"]);

/**
 * Every word that may stand in a credit besides names: role words and the
 * words for what was done. Longest first.
 */
export const BYLINE_ROLES = [...ROLES, ...Object.keys(DID_BEFORE), ...Object.keys(DID_AFTER), ...DID_BOTH].sort(
  (a, b) => b.length - a.length,
);

/** A personal name: 2–4 Han characters, or a transcribed name with middle dots (阿不都·热合曼). */
const NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,8}(?:·\p{Script=Han}{1,8})+)$/u;
/** Place and organisation words: "(左权县)" or "(辽阳镇)" at a paragraph's end is not a byline. */
const NOT_A_NAME_END = /[县镇乡村区市省局委办部厅院所社司厂校馆站]$/u;

export interface CreditedRole {
  role: string;
  names: string[];
}

export interface NameList {
  names: string[];
  /** Names printed after a role word, e.g. 记者: [王五]. */
  roles: CreditedRole[];
}

/** A credit as printed, read: who wrote the story, who took its photos, and the roles printed. */
export interface CreditList extends NameList {
  bylines: Credit[];
  photoCredits: Credit[];
  /** Whether a role word or a word such as 报道/摄 was printed: then the names are surely credits. */
  marked: boolean;
}

export function isPersonalName(token: string): boolean {
  return NAME.test(token) && !NOT_A_NAME_END.test(token);
}

/** Splits a credit into tokens: 文/张三 → 文/ 张三; 文/图 stays one token. */
function creditTokens(raw: string): string[] {
  return raw
    .normalize("NFKC")
    .replace(/(文\/图|图\/文)/gu, " $1 ")
    .replace(/(?<![文图/])(摄影|文|图|摄)\s*\/(?![文图])\s*/gu, " $1/ ")
    .trim()
    .split(/[\s、,，;；]+/u)
    .filter(Boolean);
}

interface Reading {
  people: { name: string; role: BylineRole | null; did: Did | null }[];
  /** People since the last word of what was done: a word printed after names applies to them. */
  group: number[];
  role: BylineRole | null;
  before: Did | null;
  marked: boolean;
}

/** Reads one token into the reading; false when it is neither a credit word nor a name. */
function readToken(r: Reading, token: string): boolean {
  const after = DID_AFTER[token] ?? (DID_BOTH.has(token) ? "both" : undefined);
  if (after && r.group.length > 0) {
    for (const i of r.group) r.people[i]!.did ??= after;
    r.group = [];
    r.marked = true;
    return true;
  }
  const before = DID_BEFORE[token] ?? (DID_BOTH.has(token) ? "both" : undefined);
  if (before) {
    r.before = before;
    r.group = [];
    r.marked = true;
    return true;
  }
  // 报道 or 摄 with no name before it is not a credit (摄影 is also a role).
  if (after && !ROLES.includes(token as BylineRole)) return false;
  const glued = (w: string) => !(token.slice(w.length) in DID_AFTER) && isPersonalName(token.slice(w.length));
  const role = ROLES.find((w) => token === w || (token.startsWith(w) && glued(w)));
  let name = token;
  if (role) {
    r.role = role;
    r.marked = true;
    if (token === role) return true;
    name = token.slice(role.length);
  }
  if (!isPersonalName(name)) return false;
  if (!r.people.some((p) => p.name === name)) {
    r.group.push(r.people.length);
    r.people.push({ name, role: r.role, did: r.before ?? (PHOTO_ROLES.has(r.role) ? "photo" : null) });
  }
  return true;
}

/**
 * Reads "军星 李斌", "记者 王五、李四", "本报记者 王五 通讯员 赵六", "全媒体记者 张三 报道",
 * "记者 李四 摄", "文/图 王五" or "文/张三 图/李四"; null when any part is neither a credit
 * word nor a plausible name, or when nothing marks it as a credit and no name
 * starts with a common surname.
 */
export function parseCredits(raw: string): CreditList | null {
  const tokens = creditTokens(raw);
  if (tokens.length === 0 || tokens.length > 12) return null;
  const r: Reading = { people: [], group: [], role: null, before: null, marked: false };
  for (const token of tokens) if (!readToken(r, token)) return null;
  if (r.people.length === 0) return null;
  // Without a role word, short text such as "含线上" could pass for a name: ask
  // that at least one name start with a common surname (军星 passes beside 李斌).
  if (!r.marked && !r.people.some((p) => p.name.includes("·") || hasCommonSurname(p.name))) return null;
  const credit = ({ name, role }: { name: string; role: BylineRole | null }): Credit => ({ name, role });
  const roles: CreditedRole[] = [];
  for (const p of r.people) {
    if (!p.role) continue;
    const last = roles.at(-1);
    if (last?.role === p.role) last.names.push(p.name);
    else roles.push({ role: p.role, names: [p.name] });
  }
  return {
    names: r.people.map((p) => p.name),
    roles,
    bylines: r.people.filter((p) => p.did !== "photo").map(credit),
    photoCredits: r.people.filter((p) => p.did === "photo" || p.did === "both").map(credit),
    marked: r.marked,
  };
}

/** The names and roles of a credit, without what each person did. */
export function parseNameList(raw: string): NameList | null {
  const list = parseCredits(raw);
  return list && { names: list.names, roles: list.roles };
}

export interface TrailingByline extends CreditList {
  /** The parenthesis as printed, e.g. "(军星 李斌)". */
  raw: string;
  /** The paragraph without it. */
  rest: string;
}

/** A byline in parentheses closing a paragraph: "……贡献金隅力量。”(王磊)". */
export function trailingByline(paragraph: string): TrailingByline | null {
  const m = /[(（]([^()（）]{2,60})[)）]\s*$/u.exec(paragraph);
  if (!m) return null;
  const list = parseCredits(m[1]!);
  if (!list) return null;
  return { ...list, raw: m[0].trim(), rest: paragraph.slice(0, m.index).trimEnd() };
}

/** A line of names printed under a headline or closing a story: "陈晓文", "■ 全媒体记者 张三 报道", "(记者 王五)". */
export function bylineLine(line: string): CreditList | null {
  // A bullet (■ 本报记者 曹文杰) sets a credit off from the text; it is not part of it.
  const text = line.trim().replace(/^[■□●○◆◇★☆]\s*/u, "");
  const inner = /^[(（]([^()（）]+)[)）]$/u.exec(text)?.[1] ?? text;
  if ([...inner].length > 60) return null;
  return parseCredits(inner);
}

/** Agencies and papers whose datelines read "<agency><place><M>月<D>日电"; a story under one is theirs. */
export const AGENCIES = [
  "新华社",
  "中新社",
  "中新网",
  "人民网",
  "新华网",
  "央视网",
  "央视新闻",
  "央广网",
  "人民日报",
  "光明日报",
  "经济日报",
  "工人日报",
  "山西日报",
  "晋中日报",
  "山西晚报",
  "太原日报",
];

const DATELINE = new RegExp(
  String.raw`^(本报(?:\d{1,2}月\d{1,2}日)?讯|据?(${AGENCIES.join("|")})\p{Script=Han}{0,10}?\d{1,2}月\d{1,2}日(?:电|讯))` +
    String.raw`(?:[ \u3000]*[(（]([^()（）]{2,60})[)）])?[ \u3000]*`,
  "u",
);

export interface Dateline {
  /** e.g. 本报讯, 新华社北京12月20日电 */
  dateline: string;
  /** The agency or paper that filed it, for a dateline such as 新华社北京12月20日电. */
  agency?: string;
  /** Names inside the dateline's parentheses, "本报讯(记者 王五)". */
  byline: CreditList | null;
  /** The dateline as printed, parentheses included. */
  raw: string;
  /** The paragraph after it. */
  rest: string;
}

/** A dateline opening the first paragraph, with the byline it may carry. */
export function leadingDateline(paragraph: string): Dateline | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  let raw = m[0];
  let byline: CreditList | null = null;
  if (m[3] !== undefined) {
    byline = parseCredits(m[3]);
    // Parentheses that hold no names stay in the text.
    if (!byline) raw = m[1]!;
  }
  const rest = paragraph.slice(raw.length).trimStart();
  if (!rest) return null;
  return { dateline: m[1]!, agency: m[2], byline, raw: raw.trim(), rest };
}

/** Words that introduce a reprint's source: 来源：新华社, 转自《山西日报》, (据新华社). */
const SOURCE =
  /^(?:稿件来源|本文来源|信息来源|来源|转自|摘自|转载自|据)\s*[:：]?\s*《?([\p{Script=Han}A-Za-z·]{2,16}?)》?$/u;
/** After 据 only a publisher may follow: 据新华社, not 据统计. */
const PUBLISHER = /(社|报|网|台|新闻|客户端|杂志)$/u;

function sourceOf(text: string): string | null {
  const m = SOURCE.exec(text.trim());
  if (!m) return null;
  if (text.trim().startsWith("据") && !PUBLISHER.test(m[1]!)) return null;
  return m[1]!;
}

export interface SourceCredit {
  /** e.g. 新华社 */
  source: string;
  /** As printed. */
  raw: string;
  /** The paragraph without it (empty for a line of its own). */
  rest: string;
}

/** A line that only names a reprint's source: "来源：新华社", "（来源：人民日报）". */
export function sourceLine(line: string): SourceCredit | null {
  const text = line.trim();
  const inner = /^[(（](.+)[)）]$/u.exec(text)?.[1] ?? text;
  const source = sourceOf(inner);
  return source ? { source, raw: text, rest: "" } : null;
}

/** A source in parentheses closing a paragraph: "……。（来源：人民日报）". */
export function trailingSource(paragraph: string): SourceCredit | null {
  const m = /[(（]([^()（）]{2,24})[)）]\s*$/u.exec(paragraph);
  const source = m && sourceOf(m[1]!);
  if (!m || !source) return null;
  return { source, raw: m[0].trim(), rest: paragraph.slice(0, m.index).trimEnd() };
}

export interface PhotoCaption {
  /** The caption's words, markers (▲) dropped; empty when the line is only a credit. */
  caption: string;
  /** Who took the photo, as read from "记者 张三 摄". */
  credits: Credit[];
  /** Opened by a caption mark (▲, 图为); otherwise only its closing credit makes it a caption. */
  opened: boolean;
  /** The credit stands in parentheses: "……。（记者 张三 摄）". */
  parenthesised: boolean;
}

/** Lines that open a photo caption whatever follows. */
const CAPTION_START = /^(?:[▲△▼▽■□◆◇●○]+\s*|图为|图[①-⑩\d]+[:：\s]?|[上下左右中]图[:：为]|图片说明[:：])/u;

/** The credit closing a caption: "……。记者 张三 摄", "……（本报记者 李四 摄）". */
function captionCredit(text: string): { credits: Credit[]; at: number } | null {
  const paren = /[(（]([^()（）]+)[)）]\s*$/u.exec(text);
  if (paren) {
    const list = parseCredits(paren[1]!);
    if (list && list.photoCredits.length && !list.bylines.length)
      return { credits: list.photoCredits, at: paren.index };
  }
  // A run of credit words at the end, after a space or a sentence's end: the longest
  // that starts with a role word (本报记者 张三 摄), else the shortest (李斌 摄).
  const cuts = [...text.matchAll(/[\s\u3000。！？!?]+/gu)].map((m) => m.index + m[0].length);
  const tails = cuts.flatMap((at) => {
    const list = parseCredits(text.slice(at));
    return list?.marked && list.photoCredits.length && !list.bylines.length ? [{ credits: list.photoCredits, at }] : [];
  });
  const startsWithRole = (at: number) => ROLES.some((w) => text.slice(at).startsWith(w));
  return tails.find((t) => startsWithRole(t.at)) ?? tails.at(-1) ?? null;
}

/** A photo caption: a line opened by ▲ or 图为, or closed by a photo credit (…… 记者 张三 摄). */
export function photoCaption(line: string): PhotoCaption | null {
  const text = line.trim();
  const start = CAPTION_START.exec(text);
  const credit = captionCredit(text);
  if (!start && !credit) return null;
  const words = text.slice(0, credit?.at ?? text.length).trim();
  const caption = words.replace(/^[▲△▼▽■□◆◇●○]+\s*/u, "").trim();
  const parenthesised = !!credit && /[)）]\s*$/u.test(text);
  return { caption, credits: credit?.credits ?? [], opened: !!start, parenthesised };
}
