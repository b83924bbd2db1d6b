import { Agent, createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeGracefully } from "@/lib/server/shutdown";

// A restart stops the server: what is under way finishes, and nothing keeps the process alive
// for the keep-alive timeout after the last request.

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A kept-alive server whose responses take `delayMs` (forever when null). */
async function slowServer(delayMs: number | null): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    if (delayMs !== null) setTimeout(() => res.end("done"), delayMs);
  });
  server.keepAliveTimeout = 65_000;
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const agent = () => new Agent({ keepAlive: true });
const fetchText = (url: string, via: Agent) =>
  new Promise<string>((resolve, reject) => {
    get(url, { agent: via }, (res: IncomingMessage) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(body));
      res.on("error", reject);
    }).on("error", reject);
  });

describe("closeGracefully", () => {
  it("lets a request under way finish, then closes its kept-alive connection at once", async () => {
    const { server, url } = await slowServer(300);
    const client = agent();
    const answer = fetchText(url, client);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const closed = closeGracefully(server, 10_000);
    expect(await answer).toBe("done");
    await closed;
    // The connection became idle after close() was called; Node alone kept it for 65 s.
    expect(Date.now() - started).toBeLessThan(5_000);
    client.destroy();
  });

  it("cuts what is still under way once the grace period is over", async () => {
    const { server, url } = await slowServer(null);
    const client = agent();
    const answer = fetchText(url, client);
    await new Promise((r) => setTimeout(r, 50));
    await closeGracefully(server, 200);
    await expect(answer).rejects.toThrow();
    client.destroy();
  });
});
