// Importing a print issue's text as draft articles: see scripts/import-issue.ts.
export {
  parsePrintIssue,
  type ImportOptions,
  type ImportedStory,
  type PrintIssueImport,
  type UnplacedText,
} from "./parse";
export {
  renderDraft,
  renderDrafts,
  renderIssueYaml,
  renderReport,
  renderSummary,
  storyBody,
  REPORT_FILE,
  UNPLACED_HEADING,
  type RenderedFile,
} from "./render";
export { restorePunctuation, endsParagraph } from "./punctuation";
export { parseNameList, trailingByline, leadingDateline, bylineLine } from "./bylines";
export { pinyinSlug, uniqueSlug } from "./slug";
export { guessSection } from "./section";
