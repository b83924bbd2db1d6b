// Bylines and datelines as the paper prints them.

import { hasCommonSurname } from "./surnames";

/** Role words printed before names; they go to the report, the names to `bylines`. Longest first. */
export const BYLINE_ROLES = [
  "本报特约通讯员",
  "本报通讯员",
  "本报记者",
  "特约通讯员",
  "特约记者",
  "见习记者",
  "实习记者",
  "融媒记者",
  "通讯员",
  "实习生",
  "记者",
  "摄影",
  "文/图",
  "图/文",
  "文图",
] as const;

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

export function isPersonalName(token: string): boolean {
  return NAME.test(token) && !NOT_A_NAME_END.test(token);
}

/**
 * Reads "军星 李斌", "记者 王五、李四", "本报记者 王五 通讯员 赵六" or "记者王五" as a
 * list of names; null when any part is neither a role word nor a plausible name,
 * or when there is no role word and no name starts with a common surname.
 */
export function parseNameList(raw: string): NameList | null {
  const tokens = raw
    .trim()
    .split(/[\s\u3000、,，;；]+/u)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const names: string[] = [];
  const roles: CreditedRole[] = [];
  let role: CreditedRole | null = null;
  for (const token of tokens) {
    const roleWord = BYLINE_ROLES.find(
      (r) => token === r || (token.startsWith(r) && r.length >= 2 && isPersonalName(token.slice(r.length))),
    );
    let name = token;
    if (roleWord) {
      role = { role: roleWord, names: [] };
      roles.push(role);
      if (token === roleWord) continue;
      name = token.slice(roleWord.length);
    }
    if (!isPersonalName(name)) return null;
    if (!names.includes(name)) names.push(name);
    role?.names.push(name);
  }
  if (names.length === 0) return null;
  // Without a role word, short text such as "含线上" could pass for a name: ask
  // that at least one name start with a common surname (军星 passes beside 李斌).
  if (roles.length === 0 && !names.some((n) => n.includes("·") || hasCommonSurname(n))) return null;
  return { names, roles: roles.filter((r) => r.names.length > 0) };
}

export interface TrailingByline extends NameList {
  /** The parenthesis as printed, e.g. "(军星 李斌)". */
  raw: string;
  /** The paragraph without it. */
  rest: string;
}

/** A byline in parentheses closing a paragraph: "……贡献金隅力量。”(王磊)". */
export function trailingByline(paragraph: string): TrailingByline | null {
  const m = /[(（]([^()（）]{2,40})[)）]\s*$/u.exec(paragraph);
  if (!m) return null;
  const list = parseNameList(m[1]!);
  if (!list) return null;
  return { ...list, raw: m[0].trim(), rest: paragraph.slice(0, m.index).trimEnd() };
}

/** A line of names printed under a headline: "陈晓文", "本报记者 王五 李四", "(记者 王五)". */
export function bylineLine(line: string): NameList | null {
  const text = line.trim();
  const inner = /^[(（]([^()（）]+)[)）]$/u.exec(text)?.[1] ?? text;
  if (inner.length > 40) return null;
  return parseNameList(inner);
}

/** Agencies whose datelines read "<agency><place><M>月<D>日电". */
const AGENCIES = [
  "新华社",
  "中新社",
  "中新网",
  "人民网",
  "新华网",
  "央视网",
  "央视新闻",
  "山西日报",
  "晋中日报",
  "山西晚报",
];

const DATELINE = new RegExp(
  String.raw`^(本报(?:\d{1,2}月\d{1,2}日)?讯|(?:${AGENCIES.join("|")})\p{Script=Han}{0,10}?\d{1,2}月\d{1,2}日(?:电|讯))` +
    String.raw`(?:[ \u3000]*[(（]([^()（）]{2,40})[)）])?[ \u3000]*`,
  "u",
);

export interface Dateline {
  /** e.g. 本报讯, 新华社北京12月20日电 */
  dateline: string;
  /** Names inside the dateline's parentheses, "本报讯(记者 王五)". */
  byline: NameList | null;
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
  let byline: NameList | null = null;
  if (m[2] !== undefined) {
    byline = parseNameList(m[2]);
    // Parentheses that hold no names stay in the text.
    if (!byline) raw = m[1]!;
  }
  const rest = paragraph.slice(raw.length).trimStart();
  if (!rest) return null;
  return { dateline: m[1]!, byline, raw: raw.trim(), rest };
}
