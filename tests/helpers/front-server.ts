import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createFront, type FrontOptions } from "@/lib/server/front";
import { backendAt } from "@/lib/server/proxy";

// The production server's front between real sockets, for the integration tests: a stand-in
// renderer on loopback, and the front before it.

export const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** `handler` listening on a loopback port of its own. */
export async function listening(handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

/** The front before the renderer `renderer`: micro-cache off, not a preview, unless `options` say otherwise. */
export function frontBefore(renderer: Server, options: Partial<Omit<FrontOptions, "backend">> = {}): Promise<Server> {
  const { handle } = createFront({
    backend: backendAt(portOf(renderer)),
    microCacheTtlMs: 0,
    microCacheMaxBytes: 2 ** 20,
    preview: false,
    ...options,
  });
  return listening(handle);
}
