import { notFound } from "next/navigation";
import { getPrintPage, type PrintEdition, type PrintPage } from "../db/pages";
import { decodeParam } from "../route-params";
import { CALENDAR_YEARS } from "../urls";

// Route params of the print edition and the archive's calendar → data, or a 404.

const POSITION = /^[1-9]\d{0,2}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A page of an issue's print edition; 404 for a page or an issue that is not there. */
export async function resolvePrintPage(
  rawIssue: string,
  rawPage: string,
): Promise<{ edition: PrintEdition; page: PrintPage }> {
  const slug = decodeParam(rawIssue);
  if (!slug || !POSITION.test(rawPage)) notFound();
  const found = await getPrintPage(slug, Number(rawPage));
  if (!found) notFound();
  return found;
}

/** /issues/months/2022-12 → { year: 2022, month: 12 }; 404 for anything else. */
export function resolveMonth(raw: string): { year: number; month: number } {
  const m = MONTH.exec(raw);
  const year = Number(m?.[1]);
  if (!m || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) notFound();
  return { year, month: Number(m[2]) };
}
