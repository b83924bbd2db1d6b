import { request, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { frontBefore, listening, portOf as port } from "../helpers/front-server";

// The production server's front (lib/server/front.ts) between real sockets: a renderer whose page
// breaks off must be logged, a reader who hangs up must not (anyone could fill the log that way).

let renderer: Server;
let front: Server;

beforeAll(async () => {
  // A page whose body comes in two parts, 300 ms apart; or that breaks off after its first part.
  renderer = await listening((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.write("<!doctype html><p>first part");
    if (req.url === "/broken") setTimeout(() => res.destroy(), 50);
    else setTimeout(() => res.end("and the rest</p>"), 300);
  });
  front = await frontBefore(renderer);
});
afterAll(() => {
  front.close();
  renderer.close();
});
afterEach(() => vi.restoreAllMocks());

const failures = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([first]) => String(first).includes("the renderer did not answer")).length;

describe("the front", () => {
  it("logs a renderer whose answer breaks off, and answers 502", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await fetch(`http://127.0.0.1:${port(front)}/broken`, { headers: { accept: "*/*" } });
    expect(res.status).toBe(502);
    expect(failures(logged)).toBe(1);
  });

  it("does not log a reader who hangs up before the page is whole", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const req = request({ port: port(front), host: "127.0.0.1", path: "/slow", headers: { accept: "*/*" } });
    req.on("error", () => undefined);
    req.end();
    // The renderer's first part has reached the front; the reader goes before the rest.
    setTimeout(() => req.destroy(), 100);
    await new Promise((r) => setTimeout(r, 500));
    expect(failures(logged)).toBe(0);
  });
});
