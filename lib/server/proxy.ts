import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";

// The front's way to the renderer (scripts/serve.ts): a request forwarded over loopback, its
// response either streamed back as it comes (scripts, images, media) or held whole when the front
// must read it (pages and feeds it caches, or computes a policy for).

/** A response held whole. */
export interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** Connection-level headers: each hop sets its own. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "date",
]);

export const endToEnd = <H extends IncomingHttpHeaders | OutgoingHttpHeaders>(headers: H): H =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name))) as H;

export interface Backend {
  host: string;
  port: number;
  agent: Agent;
}

/** The renderer at `port` on loopback, through kept-alive connections. */
export const backendAt = (port: number, host = "127.0.0.1"): Backend => ({
  host,
  port,
  agent: new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 }),
});

/** Sends a request to the renderer; resolves with its response once the headers arrive. */
export function forward(
  backend: Backend,
  target: { method: string; path: string; headers: IncomingHttpHeaders },
  body?: Buffer,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: backend.host,
        port: backend.port,
        agent: backend.agent,
        method: target.method,
        path: target.path,
        headers: endToEnd(target.headers),
      },
      resolve,
    );
    out.on("error", reject);
    out.end(body);
  });
}

/** The whole body of a message; past `limit` bytes, null (and the rest is not read). */
export async function readWhole(message: IncomingMessage, limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of message) {
    length += (chunk as Buffer).length;
    if (length > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLarge extends Error {
  constructor() {
    super("request body too large");
  }
}
