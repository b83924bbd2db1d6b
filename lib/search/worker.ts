// A search thread's entry point (./threads.ts): runs searches with its own database connection.
import type { SearchParams } from "./params";
import { searchHere } from "./search";

export default function search(p: SearchParams) {
  return searchHere(p);
}
