// What the importer decides about a print issue, with the source line of each decision.

import type { ColumnEntry, Credit, SectionEntry } from "../schemas";
import type { CreditList } from "./bylines";
import type { FurnitureKind, IssueFacts, JumpDirection } from "./furniture";
import type { SectionGuess } from "./section";

export interface ImportOptions {
  sections: SectionEntry[];
  columns: ColumnEntry[];
  /** Slugs already used anywhere under content/ (file names, slug: and oldSlugs:). */
  existingSlugs?: Iterable<string>;
}

/** What was decided for one frontmatter field, and why, for the report. */
export interface Found {
  value: string;
  how: string;
  /** 1-based source line. */
  line: number;
}

/** Where a story's credits were read: under the headline, in the dateline, closing the text. */
export interface BylineSource extends CreditList {
  how: string;
  /** As printed, e.g. "(军星 李斌)" or "本报记者 王五". */
  raw: string;
  line: number;
}

export interface Block {
  kind: "paragraph" | "subhead";
  /** The text as it goes into the draft: page breaks joined, punctuation restored. */
  text: string;
  /** Source lines it came from (1-based, inclusive). */
  from: number;
  to: number;
}

/** Two source lines joined because the first was cut mid-sentence by a page or column break. */
export interface PageJoin {
  line: number;
  nextLine: number;
  /** The last characters before the cut and the first after it. */
  before: string;
  after: string;
}

export interface ColumnHead {
  /** As printed. */
  name: string;
  line: number;
  /** The declared column of that name, if any. */
  slug?: string;
  /** For an undeclared column: a slug to declare it under. */
  suggestedSlug?: string;
}

/** A photo caption printed with the story: kept for the editor, never in the text. */
export interface Caption {
  text: string;
  credits: Credit[];
  line: number;
}

/** "（下转第2版）" or "（上接第1版）" in a story. */
export interface Jump {
  direction: JumpDirection;
  page: string;
  raw: string;
  line: number;
}

export interface ImportedStory {
  slug: string;
  title: Found;
  headingLevel: number;
  kicker?: Found;
  subtitle?: Found;
  dateline?: Found;
  /** A reprint's source: 来源：新华社, or the agency of its dateline. */
  source?: Found;
  bylines: Credit[];
  photoCredits: Credit[];
  bylineSources: BylineSource[];
  column?: ColumnHead;
  section: SectionGuess;
  blocks: Block[];
  joins: PageJoin[];
  captions: Caption[];
  jumps: Jump[];
  /** Text displaced in print that was moved to the end of this story: a low-confidence placement. */
  attached?: { from: number; to: number; reason: string; opening: string };
  /** Things the editor should look at. */
  warnings: string[];
}

export interface UnplacedText {
  from: number;
  to: number;
  /** The source lines from..to, verbatim. */
  text: string;
  reason: string;
}

/** A line left out of every story on purpose: page furniture, a jump marker, a repeated headline. */
export interface DroppedLine {
  line: number;
  text: string;
  kind: FurnitureKind | "jump" | "continued-headline";
  reason: string;
}

export interface PrintIssueImport {
  banner?: string;
  bannerLines: number[];
  stories: ImportedStory[];
  unplaced: UnplacedText[];
  dropped: DroppedLine[];
  /** What the page headers say about the issue: date, number, pages and their editors. */
  facts: IssueFacts;
  /** Issue-wide remarks for the report. */
  notes: string[];
}
