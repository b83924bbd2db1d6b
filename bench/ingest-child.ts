// One ingest in a process of its own, as `npm run ingest` runs it (bench/ingest.ts starts it):
// tsx bench/ingest-child.ts <content root> <result file> [--full]. Writes the ingest's time, this process's
// peak RSS (its threads included) and the report as JSON.
import { writeFileSync } from "node:fs";
import { runIngest } from "../scripts/ingest";
import { quietly } from "./site";

const [root, resultFile, flag] = process.argv.slice(2);
if (!root || !resultFile) throw new Error("usage: tsx bench/ingest-child.ts <content root> <result file> [--full]");
const start = performance.now();
const report = await quietly(() => runIngest({ root, notify: false, full: flag === "--full" }));
const seconds = (performance.now() - start) / 1000;
writeFileSync(resultFile, JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, report }));
