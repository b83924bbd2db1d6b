// The "node http" reference for bench/pages.ts: a bare node:http server that answers fixed paths
// with fixed bytes from memory, the floor for what any Node.js server can do per request.
// Runs in its own process so it does not share an event loop with anything else.
// Usage: node --import tsx bench/html-server.ts <port> <urlPath>=<file> …
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, ...routes] = process.argv.slice(2);
const pages = new Map<string, Buffer>();
for (const route of routes) {
  const eq = route.indexOf("=");
  pages.set(route.slice(0, eq), readFileSync(route.slice(eq + 1)));
}

createServer((req, res) => {
  const body = pages.get(req.url ?? "");
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`html-server ready on ${port}`));
