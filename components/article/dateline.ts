const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The dateline run into the first paragraph as printed (本报讯　打好收官战…), not on a line of its own.
 * `html` is the article's sanitized body; the dateline is text, escaped here. With no paragraph, it leads the body.
 */
export function runInDateline(html: string, dateline: string | null): string {
  if (!dateline) return html;
  const mark = `<span class="dateline">${escapeHtml(dateline)}</span>\u3000`;
  const at = html.indexOf("<p>");
  return at < 0 ? `<p>${mark}</p>${html}` : `${html.slice(0, at + 3)}${mark}${html.slice(at + 3)}`;
}
