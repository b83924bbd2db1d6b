import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listContentFiles, loadContent } from "@/lib/content/read";
import { db } from "@/lib/db/client";
import { ingestContent } from "@/lib/ingest/ingest";
import { runIngest } from "@/scripts/ingest";
import { scratchContent } from "../helpers/content-dir";

// An ingest lists the content tree and compares its files' stat data with what the last ingest
// read (as git's index does): the same files are not read again; any change, or a file too fresh
// to vouch for, makes it read them all.

const FILE = "issues/2022-12-20/wangge-yanguan-houai.md";
/** Files written within this long before a listing are not vouched for (lib/content/read.ts). */
const RACY_WAIT = 2100;
let content: ReturnType<typeof scratchContent>;

beforeEach(() => {
  content = scratchContent("content");
  vi.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => content.dispose());

const ingest = (full = false) => runIngest({ root: content.root, notify: false, full });
/** Replaces a character of the story with another of the same UTF-8 length: the file keeps its size. */
function editKeepingSize() {
  const file = path.join(content.root, FILE);
  const text = readFileSync(file, "utf8");
  const edited = text.replace("网格", "格网");
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  expect(edited).not.toBe(text);
  content.write(FILE, edited);
}

describe("the ingest's quick check", () => {
  it("reads nothing when no file changed since the last ingest, and reads again after an edit that keeps the size", async () => {
    await sleep(RACY_WAIT);
    const first = await ingest();
    expect(first!.unread).toBeUndefined();
    const again = await ingest();
    expect(again!.unread).toBe((await listContentFiles(content.root)).files.length);
    expect(again!.added.length + again!.updated.length + again!.unchanged.length).toBe(0);

    editKeepingSize();
    const edited = await ingest();
    expect(edited!.unread).toBeUndefined();
    expect(edited!.updated).toEqual(["wangge-yanguan-houai"]);
    // The edit is younger than the racy window: the next ingest cannot trust its stat data.
    const racy = await ingest();
    expect(racy!.unread).toBeUndefined();
    expect(racy!.unchanged).toHaveLength(5);

    await sleep(RACY_WAIT);
    expect((await ingest())!.unread).toBeUndefined();
    expect((await ingest())!.unread).toBeGreaterThan(0);
    expect((await ingest(true))!.unchanged).toHaveLength(5);
  });

  it("reads again once a file is added or removed, or after an ingest that did not list the files", async () => {
    await sleep(RACY_WAIT);
    await ingest();
    content.remove("README.md");
    await sleep(RACY_WAIT);
    expect((await ingest())!.unread).toBeUndefined();
    expect((await ingest())!.unread).toBeGreaterThan(0);

    // An ingest of a content set read some other way records no listing.
    await ingestContent(db, await loadContent(content.root));
    expect((await ingest())!.unread).toBeUndefined();
  });
});
