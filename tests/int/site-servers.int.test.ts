import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LIVE_FOR_MS, listLiveSiteServers, recordSiteServer } from "@/lib/db/site-servers";
import { env } from "@/lib/env";
import { notifySites, siteUrls } from "@/lib/revalidation";

// Servers find each other through their database: each records itself, an ingest refreshes the live ones.

/** A stand-in for a running site: answers the ingest's refresh, and counts the calls. */
async function fakeSite(): Promise<{ url: string; calls: () => number; server: Server }> {
  let calls = 0;
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/api/revalidate") calls++;
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls, server };
}

const configuredSiteUrls = process.env.SITE_URLS;
beforeAll(() => {
  // No SITE_URLS: what the database records is what counts (int-setup points it nowhere).
  process.env.SITE_URLS = "";
});
afterAll(() => {
  process.env.SITE_URLS = configuredSiteUrls;
});
afterEach(async () => {
  await db.siteServer.deleteMany();
});

describe("servers record themselves in their database", () => {
  it("lists every recorded server while it runs, and forgets one that stops", async () => {
    const a = await recordSiteServer("http://127.0.0.1:3598", env().DATABASE_URL);
    const b = await recordSiteServer("http://127.0.0.1:3599", env().DATABASE_URL);
    expect(await listLiveSiteServers(db)).toEqual(["http://127.0.0.1:3598", "http://127.0.0.1:3599"]);
    await a.stop();
    expect(await listLiveSiteServers(db)).toEqual(["http://127.0.0.1:3599"]);
    await b.stop();
    expect(await listLiveSiteServers(db)).toEqual([]);
  });

  it("takes a server silent for longer than LIVE_FOR_MS for gone, unless it was live when the ingest began", async () => {
    const silentSince = new Date(Date.now() - LIVE_FOR_MS - 5_000);
    await db.siteServer.create({
      data: { url: "http://app9:3000", startedAt: silentSince, heartbeatAt: silentSince },
    });
    expect(await listLiveSiteServers(db)).toEqual([]);
    // A long ingest on SQLite holds heartbeats back: servers live at its start still count.
    expect(await listLiveSiteServers(db, new Date(silentSince.getTime() + 1_000))).toEqual(["http://app9:3000"]);
  });

  it("an ingest refreshes every live server of its database with no setting; SITE_URLS overrides", async () => {
    const sites = [await fakeSite(), await fakeSite()];
    const records = await Promise.all(sites.map((s) => recordSiteServer(s.url, env().DATABASE_URL)));
    try {
      const lines: string[] = [];
      await notifySites({ prisma: db, log: (l) => lines.push(l) });
      expect(lines.sort()).toEqual(sites.map((s) => `refreshed the site at ${s.url}`).sort());
      expect(sites.map((s) => s.calls())).toEqual([1, 1]);

      process.env.SITE_URLS = sites[0]!.url;
      expect(await siteUrls({ prisma: db })).toEqual([sites[0]!.url]);
    } finally {
      process.env.SITE_URLS = "";
      await Promise.all(records.map((r) => r.stop()));
      for (const s of sites) s.server.close();
    }
  });

  it("says so when no server is recorded", async () => {
    const lines: string[] = [];
    await notifySites({ prisma: db, log: (l) => lines.push(l) });
    expect(lines).toEqual(["no running site is recorded in the database; a site shows the new content when it starts"]);
  });
});
