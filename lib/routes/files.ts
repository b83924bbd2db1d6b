// What the file route handlers under app/ (/media, /print) answer: a file that never changes
// under its name, or a short 404 that is never cached.

export const fileNotFound = (message: string) =>
  new Response(message, {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/** A file published once under its name: cached for a year, its type never sniffed. */
export const immutableFile = (file: { body: Buffer; contentType: string }) =>
  new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.body.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
