import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { runIngest } from "@/scripts/ingest";
import { scratchContent } from "../helpers/content-dir";
import { snapshot } from "../helpers/database";

// One broken tree per kind of error: the ingest must refuse it, name file, line and field,
// and leave the database exactly as the last good ingest left it.
const ISSUE = "issues/2022-12-20";
const STORY = `${ISSUE}/wangge-yanguan-houai.md`;
const original = readFileSync(`content/${STORY}`, "utf8");
const issueYaml = readFileSync(`content/${ISSUE}/issue.yaml`, "utf8");

const cases: { name: string; edit: Record<string, string | null>; expect: RegExp }[] = [
  {
    name: "unknown section",
    edit: { [STORY]: original.replace("section: governance", "section: sports") },
    expect: /wangge-yanguan-houai\.md:\d+ \[section\]: unknown section "sports"/,
  },
  {
    name: "missing title",
    edit: { [STORY]: original.replace(/^title: .*\n/m, "") },
    expect: /wangge-yanguan-houai\.md:2 \[title\]: is required but missing/,
  },
  {
    name: "empty body",
    edit: { [STORY]: original.slice(0, original.indexOf("\n---\n") + 5) },
    expect: /wangge-yanguan-houai\.md:\d+ \[body\]: the article has no text/,
  },
  {
    name: "malformed YAML",
    edit: { [STORY]: original.replace("section: governance", "section: [governance") },
    expect: /wangge-yanguan-houai\.md:\d+ \[yaml\]: malformed YAML/,
  },
  {
    name: "misspelt field",
    edit: { [STORY]: original.replace("bylines:", "byline:") },
    expect: /wangge-yanguan-houai\.md:\d+ \[byline\]: unknown field/,
  },
  {
    name: "unknown column",
    edit: { [STORY]: original.replace("column: fenjin-xin-zhengcheng", "column: no-such-column") },
    expect: /wangge-yanguan-houai\.md:\d+ \[column\]: unknown column "no-such-column"/,
  },
  {
    name: "duplicate slug, naming both files",
    edit: {
      [`${ISSUE}/copy.md`]: original
        .replace("section: governance", "section: governance\nslug: wangge-yanguan-houai")
        .replace("title: ", "title: 副本"),
    },
    expect: /\[slug\]: duplicate slug "wangge-yanguan-houai": .*(wangge-yanguan-houai|copy)\.md has it too/,
  },
  {
    name: "issue date that disagrees with its folder",
    edit: { [`${ISSUE}/issue.yaml`]: issueYaml.replace("date: 2022-12-20", "date: 2022-12-21") },
    expect: /issue\.yaml:\d+ \[date\]: is 2022-12-21 but the issue's folder is named 2022-12-20/,
  },
  {
    name: "article listed but missing",
    edit: { [`${ISSUE}/issue.yaml`]: `${issueYaml}      - ghost-story\n` },
    expect: /issue\.yaml:\d+ \[pages\[0\]\.articles\[5\]\]: lists "ghost-story"/,
  },
  {
    name: "missing image",
    edit: {
      [STORY]: original.replace("section: governance", "section: governance\nimage: {src: lead.jpg, alt: 网格员}"),
    },
    expect: /wangge-yanguan-houai\.md:\d+ \[image\.src\]: no image lead\.jpg/,
  },
];

let good: ReturnType<typeof scratchContent>;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  good = scratchContent("content");
  expect(await runIngest({ root: good.root, notify: false })).not.toBeNull();
  before = await snapshot(db);
  good.dispose();
});

let tree: ReturnType<typeof scratchContent> | null = null;
afterEach(() => tree?.dispose());

describe("bad content is refused whole", () => {
  it.each(cases)("$name", async ({ edit, expect: message }) => {
    tree = scratchContent("content");
    for (const [file, text] of Object.entries(edit)) {
      if (text === null) tree.remove(file);
      else tree.write(file, text);
    }
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runIngest({ root: tree.root, notify: false })).toBeNull();
    const printed = errors.mock.calls.flat().join("\n");
    expect(printed).toMatch(message);
    expect(printed).toContain("Nothing was written");
    expect(await snapshot(db)).toEqual(before);
    errors.mockRestore();
  });
});
