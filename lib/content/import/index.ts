// Importing a print issue's text as draft articles: see scripts/import-issue.ts.
export { parsePrintIssue } from "./parse";
export type * from "./types";
export { renderDraft, renderDrafts, renderIssueYaml, storyBody, REPORT_FILE, type RenderedFile } from "./render";
export { renderReport, renderSummary, UNPLACED_HEADING, type ReportContext } from "./report";
export { restorePunctuation, endsParagraph } from "./punctuation";
export { parseCredits, parseNameList, trailingByline, leadingDateline, bylineLine, photoCaption } from "./bylines";
export { pinyinSlug, uniqueSlug } from "./slug";
export { guessSection } from "./section";
