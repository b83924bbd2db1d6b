// A search thread's entry point (./threads.ts): runs searches with its own database connection.
import { lowerThreadPriority } from "../server/thread-priority";
import type { SearchParams } from "./params";
import { searchHere } from "./search";

// Readers of pages come first: the search threads run at a lower priority than the threads that
// serve pages, so that on a busy machine searches take the cores the pages leave.
lowerThreadPriority(10);

export default function search(p: SearchParams) {
  return searchHere(p);
}
