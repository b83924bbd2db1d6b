import type { Server } from "node:http";

/**
 * Stops a server the way a restart needs: it listens no more at once, requests under way may
 * finish within `graceMs`, and kept-alive connections close as soon as they are idle. Node's
 * `close()` closes only the connections idle at that moment: one that finishes a request later
 * stayed open for the keep-alive timeout (65 s), and the process with it, while the site was
 * already down (measured: 70 s after SIGTERM with searches under way).
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    // Past the grace period the requests still under way are cut: the service manager would kill them anyway.
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
