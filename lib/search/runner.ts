import type { SearchParams } from "./params";
import type { SearchResponse } from "./search";

// How a search reaches the code that runs it. The production server (scripts/serve.ts) registers
// its search threads here; the page and API routes, bundled by Next.js into the same process,
// find them through the process-wide symbol. Where none are registered (tests, scripts, next dev)
// a search runs in the calling thread.

export type SearchRunner = (p: SearchParams) => Promise<SearchResponse>;

const KEY = Symbol.for("zuoquan.searchRunner");
const registry = globalThis as { [KEY]?: SearchRunner };

export const registeredSearchRunner = (): SearchRunner | undefined => registry[KEY];

export function registerSearchRunner(runner: SearchRunner | undefined) {
  registry[KEY] = runner;
}

/** A search on the registered threads, or `here`, in this thread, where none are registered. */
export const runSearch = (p: SearchParams, here: SearchRunner): Promise<SearchResponse> =>
  registeredSearchRunner()?.(p) ?? here(p);
