import { notFound } from "next/navigation";
import { env } from "@/lib/env";

// A page that fails on purpose, so the browser tests can prove what a reader sees when rendering
// breaks (app/error.tsx: the site's header, a retry, links onwards, no message or stack).
// It exists only where ERROR_PROBE=1 (the e2e server sets it); everywhere else it is a 404.
export const dynamic = "force-dynamic";

export default function ErrorProbe(): never {
  if (env().ERROR_PROBE !== "1") notFound();
  throw new Error("error probe: this message and its stack must never reach a reader");
}
