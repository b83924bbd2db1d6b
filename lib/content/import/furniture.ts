// Page furniture: what a page prints around its stories — the paper's name, the
// header lines (版次, 版名, date and weekday, issue number, 责任编辑/版式/校对),
// page numbers and running heads. It is taken out before stories are read, so it
// can never end up in a story or be joined to one, and what it says about the
// issue (date, number, pages, editors) is kept for issue.yaml and the report.

import { isPersonalName } from "./bylines";

export type FurnitureKind = "header" | "staff" | "page-number" | "paper-name" | "running-head";

/** One source line recognised as furniture, and why. */
export interface FurnitureLine {
  line: number;
  text: string;
  kind: FurnitureKind;
  reason: string;
}

/** Who made a page, as printed: 责任编辑：张三 → { name: 张三, role: 责任编辑 }. */
export interface PageStaff {
  name: string;
  role: string;
}

/** One page as its header lines describe it. */
export interface PageInfo {
  /** As printed without 第/版: 2, A3, 二. */
  page?: string;
  /** 版名, e.g. 要闻; parts printed with · between them are joined with it (社会·民生). */
  name?: string;
  staff: PageStaff[];
  /** The first header line of the page. */
  line: number;
}

/** What the header lines say about the issue, each fact with the line it was read from. */
export interface IssueFacts {
  /** YYYY-MM-DD */
  date?: { value: string; line: number };
  /** 期号: 总第N期 if printed, else 第N期. */
  number?: { value: number; line: number };
  pages: PageInfo[];
}

/** Roles printed in a page's credits line, longest first. */
const STAFF_ROLES = [
  "本版责任编辑",
  "本版责编",
  "本版编辑",
  "责任编辑",
  "执行编辑",
  "美术编辑",
  "版式设计",
  "值班编委",
  "值班总编",
  "责编",
  "编辑",
  "美编",
  "版式",
  "组版",
  "排版",
  "校对",
  "审校",
  "校审",
  "审读",
  "终审",
  "签发",
  "监制",
];
// The colon is often left out ("责任编辑 刘芳 版式 陈刚"); every value must still be a name (staffOf).
const STAFF_LABEL = new RegExp(`(${STAFF_ROLES.join("|")})(?:\\s*[:：]\\s*|\\s+)`, "u");
const NUMERAL = "[一二三四五六七八九十]{1,3}";

const DATE_CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:(?:星期|周)[一二三四五六日天])?$/u;
const DATE_DOT = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/u;
const WEEKDAY = /^(?:星期|周)[一二三四五六日天]$/u;
const LUNAR =
  /^(?:农历\S{2,12}|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S{0,8}|[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅][一二三四五六七八九十])$/u;
const ISSUE_NUMBER = /^(总)?第(\d{1,6})期$/u;
const PAGE_COUNT = /^(?:今日|本期|共)\d{1,2}版$/u;
const PAGE = new RegExp(`^(?:第?([A-Z]?\\d{1,2}|${NUMERAL})版|([A-Z]\\d{1,2}))$`, "u");
const PAPER = /^\p{Script=Han}{2,8}(?:日报|晚报|周报|县报|市报|报)$/u;
const REGISTRATION = /^(?:CN\d{2}-\d{4}(?:\/\S+)?|国内统一连续出版物号\S*|邮发代号\S*)$/u;
const PAGE_NAME = /^\p{Script=Han}{2,8}$/u;
const PAGE_NUMBER_LINE = /^[-—－–~〜_·•\s]*\d{1,3}[-—－–~〜_·•\s]*$/u;

/** What one header line says. */
interface HeaderFacts {
  date?: string;
  number?: { value: number; total: boolean };
  page?: string;
  pageName?: string;
  paper?: string;
  staff: PageStaff[];
  /** True when the line holds something only a header holds (not just a name of a paper). */
  strong: boolean;
}

/** "责任编辑：张三 版式：李四" → the credits, and the text before the first label; null if a value is no name. */
function staffOf(text: string): { staff: PageStaff[]; rest: string } | null {
  const parts = text.split(new RegExp(STAFF_LABEL.source, "gu"));
  const staff: PageStaff[] = [];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const names = parts[i + 1]!.split(/[\s\u3000、,，]+/u).filter(Boolean);
    if (names.length === 0 || !names.every(isPersonalName)) return null;
    for (const name of names) staff.push({ name, role: parts[i]! });
  }
  return { staff, rest: parts[0]! };
}

const pad = (n: string) => n.padStart(2, "0");

/** Reads one token of a header line into `facts`; false when the token is not header text. */
function readHeaderToken(token: string, facts: HeaderFacts): boolean {
  const date = DATE_CN.exec(token) ?? DATE_DOT.exec(token);
  const issue = ISSUE_NUMBER.exec(token);
  const page = PAGE.exec(token);
  if (date) facts.date = `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
  else if (issue) facts.number = { value: Number(issue[2]), total: !!issue[1] };
  else if (page && !facts.page) facts.page = page[1] ?? page[2];
  else if (PAPER.test(token) && !facts.paper) facts.paper = token;
  else if (WEEKDAY.test(token) || LUNAR.test(token) || PAGE_COUNT.test(token) || REGISTRATION.test(token)) {
    // Printed in the header, says nothing the issue file keeps.
  } else if (PAGE_NAME.test(token)) facts.pageName = facts.pageName ? `${facts.pageName}·${token}` : token;
  else return false;
  facts.strong ||= !!(date || issue || page) || !PAPER.test(token);
  return true;
}

/** A page's header or credits line, read; null when the line holds anything else. */
export function headerLine(line: string): HeaderFacts | null {
  const text = line.normalize("NFKC").trim();
  const split = staffOf(text);
  if (!split) return null;
  const tokens = split.rest
    .replace(/第\s*(\S{1,3}?)\s*版/gu, "第$1版")
    .split(/[\s\u3000·|｜丨•:：]+/u)
    .filter(Boolean);
  const facts: HeaderFacts = { staff: split.staff, strong: split.staff.length > 0 };
  for (const token of tokens) if (!readHeaderToken(token, facts)) return null;
  // A 版名 is only read beside a page number: alone, a short line is a kicker or a banner.
  if (facts.pageName && !facts.page) return null;
  if (!facts.strong && !facts.paper) return null;
  return facts;
}

/** A line that is only a page number: "3", "— 3 —", "-3-", "·3·". */
export function pageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line.normalize("NFKC"));
}

/** A line holding only a paper's name: 左权报, 太行日报. */
export function paperNameLine(line: string): boolean {
  return PAPER.test(line.normalize("NFKC").trim());
}

/** Adds one header line's facts to what is known of the issue; a page number starts a new page. */
export function addHeaderFacts(facts: IssueFacts, header: HeaderFacts, line: number): void {
  if (header.date && !facts.date) facts.date = { value: header.date, line };
  if (header.number && (!facts.number || header.number.total)) facts.number = { value: header.number.value, line };
  let page = facts.pages.at(-1);
  // A page number other than the current page's starts the next page.
  if (!page || (header.page !== undefined && page.page !== undefined && page.page !== header.page)) {
    page = { staff: [], line };
    facts.pages.push(page);
  }
  if (header.page) page.page ??= header.page;
  if (header.pageName) page.name ??= header.pageName;
  for (const s of header.staff) if (!page.staff.some((x) => x.name === s.name && x.role === s.role)) page.staff.push(s);
}

export type JumpDirection = "to" | "from";

/** "（下转第2版）" closes a story's part on this page; "（上接第1版）" opens its continuation. */
export interface JumpMarker {
  direction: JumpDirection;
  /** The other page, as printed: 2, A3, 二. */
  page: string;
  raw: string;
}

const JUMP_CORE = String.raw`(下转|上接|紧接|转|接|续)\s*第?\s*([A-Z]?\d{1,2}|${NUMERAL})\s*版`;
const JUMP_LINE = new RegExp(String.raw`^[(（]?\s*${JUMP_CORE}\s*[)）]?$`, "u");
const JUMP_END = new RegExp(String.raw`[(（]\s*${JUMP_CORE}\s*[)）]\s*$`, "u");
const JUMP_START = new RegExp(String.raw`^[(（]\s*${JUMP_CORE}\s*[)）]\s*`, "u");

const jumpOf = (m: RegExpExecArray): JumpMarker => ({
  direction: m[1]!.includes("转") ? "to" : "from",
  page: m[2]!,
  raw: m[0].trim(),
});

/** A jump line, or a paragraph opened or closed by one: the marker and the text left. */
export function splitJump(text: string): { marker: JumpMarker; before: string; after: string } | null {
  const whole = JUMP_LINE.exec(text.trim());
  if (whole) return { marker: jumpOf(whole), before: "", after: "" };
  const end = JUMP_END.exec(text);
  if (end) return { marker: jumpOf(end), before: text.slice(0, end.index).trimEnd(), after: "" };
  const start = JUMP_START.exec(text);
  if (start) return { marker: jumpOf(start), before: "", after: text.slice(start[0].length) };
  return null;
}
