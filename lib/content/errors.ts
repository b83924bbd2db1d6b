/** One problem in one content file, located well enough for an editor to fix it. */
export interface ContentProblem {
  /** Path relative to the content root's parent, e.g. content/issues/2022-12-20/foo.md */
  file: string;
  /** 1-based line in that file, when the problem has a place. */
  line?: number;
  /** The frontmatter field or file part at fault, e.g. "section" or "body". */
  field?: string;
  message: string;
  /** How to fix it, in the editor's words. */
  hint?: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` [${p.field}]` : "";
  return `${where}${field}: ${p.message}${p.hint ? `\n      修改方法: ${p.hint}` : ""}`;
}

/** Thrown when content fails validation; nothing has been written when it is. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}
