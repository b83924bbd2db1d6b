import { getHeapSpaceStatistics } from "node:v8";

// A render allocates a few megabytes (about 4.6 MB for a cold article page on the archive), and V8
// collects its young generation when that fills: in every third cold render or so, a 4–10 ms pause
// in the middle of the page, with the render's live objects copied and promoted on the way, which
// later costs the old generation's collections too. Collected while no request is under way, the
// same garbage costs no reader anything, and the next render starts with room to finish in.

export interface YoungSpace {
  /** Bytes allocated since the last young-generation collection. */
  used: number;
  /** Bytes left before V8 collects it on its own. */
  available: number;
}

function youngSpace(): YoungSpace {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  return { used: space?.space_used_size ?? 0, available: space?.space_available_size ?? Infinity };
}

/**
 * Tells the collector when a request starts and when it is answered: once none is under way and
 * the young generation is at least half full (the next render would likely fill it), it is
 * collected at once. Under steady load nothing is ever idle and V8 keeps its own schedule. Needs
 * the `gc` that `--expose-gc` gives (`npm run serve`, `npm start`, the systemd unit); without it
 * this does nothing.
 */
export function idleCollector(
  collect: NodeJS.GCFunction | undefined = globalThis.gc,
  young: () => YoungSpace = youngSpace,
): { started: () => void; answered: () => void } {
  let underWay = 0;
  let pending = false;
  const collectIfIdle = () => {
    pending = false;
    if (underWay > 0) return;
    const { used, available } = young();
    if (used >= available) collect!({ type: "minor" });
  };
  return {
    started: () => void underWay++,
    answered: () => {
      underWay = Math.max(0, underWay - 1);
      // After the response's last bytes are handed over, not while they are being written.
      if (collect && underWay === 0 && !pending) {
        pending = true;
        setImmediate(collectIfIdle);
      }
    },
  };
}
