/** Midnight of an issue's date (YYYY-MM-DD) in China Standard Time (UTC+8), where the paper is printed. */
export function issueDate(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
