import { createPrismaClient } from "./client";
import type { PrismaClient } from "./dialect";

// Every app server records where it can be reached in the database it serves, and renews the
// record while it runs, so an ingest finds each server of its database with no setting.

/** How often a running server renews its record. */
export const HEARTBEAT_MS = 10_000;
/** A server whose record is older than this is taken for gone: three missed heartbeats. */
export const LIVE_FOR_MS = 3 * HEARTBEAT_MS;
/** Records silent this long are deleted by the next server's heartbeat. */
const FORGET_AFTER_MS = 60 * 60_000;

export interface SiteServerRecord {
  /** Stops the heartbeat and removes the record (a clean shutdown). */
  stop(): Promise<void>;
}

/** Records the server at `url` in the database at `databaseUrl` and renews it every HEARTBEAT_MS. */
export async function recordSiteServer(
  url: string,
  databaseUrl: string,
  log: (line: string) => void = console.warn,
): Promise<SiteServerRecord> {
  // A client of its own for each beat, closed after it: it never waits for SQLite's write lock (the
  // driver is synchronous, so a wait behind a long ingest would stall the server's requests), and
  // holds no connection open between beats (a SQLite file may be replaced or checked meanwhile).
  // A busy beat is skipped; the ingest counts servers live when it started (listLiveSiteServers' `since`).
  const connect = () => createPrismaClient(databaseUrl, { lockTimeoutMs: 0, poolSize: 1 });
  const startedAt = new Date();
  let failing = false;
  const beat = async () => {
    const heartbeatAt = new Date();
    const prisma = connect();
    try {
      await prisma.siteServer.upsert({
        where: { url },
        create: { url, startedAt, heartbeatAt },
        update: { startedAt, heartbeatAt },
      });
      await prisma.siteServer.deleteMany({
        where: { heartbeatAt: { lt: new Date(heartbeatAt.getTime() - FORGET_AFTER_MS) } },
      });
      if (failing) log(`recorded this server (${url}) in its database again`);
      failing = false;
    } catch (e) {
      if (!failing) log(`could not record this server (${url}) in its database, retrying: ${(e as Error).message}`);
      failing = true;
    } finally {
      await prisma.$disconnect();
    }
  };
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      const prisma = connect();
      await prisma.siteServer.deleteMany({ where: { url } }).catch(() => undefined);
      await prisma.$disconnect();
    },
  };
}

/**
 * The servers whose record was renewed within LIVE_FOR_MS of `since`. An ingest passes its own
 * start: on SQLite its write lock holds heartbeats back for as long as it writes.
 */
export async function listLiveSiteServers(prisma: PrismaClient, since = new Date()): Promise<string[]> {
  const rows = await prisma.siteServer.findMany({
    where: { heartbeatAt: { gte: new Date(since.getTime() - LIVE_FOR_MS) } },
    select: { url: true },
    orderBy: { url: "asc" },
  });
  return rows.map((r) => r.url);
}
