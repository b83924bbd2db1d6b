import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/** A response as Next.js wrote it, held back until it is complete. */
export interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const FAILED = "服务器出错了，请稍后再试。";

/** Connection-level headers Node sets itself; never replayed or carried over. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/**
 * Holds back a response that `capture` chooses (by its status and headers, once Next sets them)
 * until Next ends it, then sends what `finish` makes of it: headers computed from the body (a
 * Content-Security-Policy with the hashes of its scripts), or another page in its place. A
 * response not captured goes out as Next writes it, streamed.
 */
export function captureResponse(
  res: ServerResponse,
  capture: (status: number, headers: OutgoingHttpHeaders) => boolean,
  finish: (response: Captured) => Captured | Promise<Captured>,
): void {
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  let captured: boolean | null = null;
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const enc = typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8";
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, enc));
  };
  // Decides once, when Next first sends its headers (explicitly, or implicitly by writing).
  const decide = () => (captured ??= capture(res.statusCode, res.getHeaders()));

  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === "object" && r !== null && !Array.isArray(r));
    res.statusCode = status;
    for (const [name, value] of Object.entries((headers ?? {}) as OutgoingHttpHeaders))
      if (value !== undefined) res.setHeader(name, value);
    return decide() ? res : writeHead(status);
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!res.headersSent && captured === null) res.writeHead(res.statusCode);
    if (!captured) return write(chunk, ...rest);
    keep(chunk, rest[0]);
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (captured === null) res.writeHead(res.statusCode);
    if (!captured) return end(chunk, ...rest);
    keep(chunk, rest[0]);
    const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([k]) => !HOP_BY_HOP.has(k)));
    // A HEAD response has no body but says how long the GET's would be.
    const head = res.req.method === "HEAD";
    const length = (out: Captured) => (head ? (res.getHeader("content-length") ?? 0) : out.body.length);
    const send = (out: Captured) => {
      const contentLength = length(out);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      writeHead(out.status, { ...out.headers, "content-length": contentLength });
      end(head ? undefined : out.body);
    };
    Promise.resolve(finish({ status: res.statusCode, headers, body: Buffer.concat(chunks) })).then(send, () =>
      send({ status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: Buffer.from(FAILED) }),
    );
    return res;
  }) as ServerResponse["end"];
}
