import { z } from "zod";

/**
 * Next.js hands dynamic params over still percent-encoded when they are not
 * ASCII (/tags/乡村振兴 arrives as %E4%B9%A1…), though ASCII ones come decoded.
 * Names in this portal never contain "%", so decoding once is safe either way.
 * Returns null for text that is not valid percent-encoding.
 */
export function decodeParam(raw: string): string | null {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

// Page 1 has no /page/1 URL of its own, and "02" is not a page number.
const pageNumberSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

/** Parses a /page/[page] segment; null when it is not a canonical page number. */
export function parsePageParam(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  const parsed = pageNumberSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
