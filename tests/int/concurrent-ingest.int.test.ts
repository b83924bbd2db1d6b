import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { runIngest } from "@/scripts/ingest";
import { scratchContent } from "../helpers/content-dir";
import { snapshot, testProvider } from "../helpers/database";

let trees: ReturnType<typeof scratchContent>[] = [];
afterEach(() => trees.forEach((t) => t.dispose()));

describe(`two ingests started at once on ${testProvider()}`, () => {
  it("never interleave: the second waits for the first, or stops saying why, and the database is whole", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const full = scratchContent("content");
    // The second tree drops one story, so the two ingests disagree.
    const fewer = scratchContent("content");
    trees = [full, fewer];
    fewer.remove("issues/2022-12-20/rujiao-chanyeyuan-touchan.md");
    fewer.write(
      "issues/2022-12-20/issue.yaml",
      "date: 2022-12-20\nbanner: 新时代 新征程 新伟业\narticles:\n  - 2023-jingzhun-zhua-luoshi\n  - wangge-yanguan-houai\n  - liaoyang-xiangcun-zhenxing\n  - jinyu-shuini-chuangxin\n",
    );

    const [a, b] = await Promise.all([
      runIngest({ root: full.root, notify: false }),
      runIngest({ root: fewer.root, notify: false }),
    ]);
    const finished = [a, b].filter((r) => r !== null);
    if (testProvider() === "postgresql") {
      // The advisory lock makes one wait, then it applies its own changes on top of the other's.
      expect(finished).toHaveLength(2);
      expect(log.mock.calls.flat().join("\n")).toContain("waiting for it to finish");
      // Either the full tree went first (5 added, then 0 added and 1 removed) or the other way round (4, then 1).
      const adds = [a!, b!].map((r) => r.added.length).sort();
      expect([
        [0, 5],
        [1, 4],
      ]).toContainEqual(adds);
    } else {
      // SQLite has one writer: the other ingest either waited its turn or stopped with a clear message.
      expect(finished.length).toBeGreaterThanOrEqual(1);
      if (finished.length === 1) expect(errors.mock.calls.flat().join("\n")).toContain("Another ingest");
    }
    // Whatever happened, the database holds one tree or the other, whole, and its index agrees.
    const count = await db.article.count();
    expect([4, 5]).toContain(count);
    const index = (await snapshot(db)).ArticleSearch!;
    expect(index).toHaveLength(count);
  });
});
