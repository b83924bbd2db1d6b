// Load from Debian's wrk (scripts/ensure-wrk.sh): one thread, a fixed number of connections, a
// fixed duration. wrk is written in C and outruns every server measured here, which autocannon
// (about 11–16k requests a second on this machine) does not; its own CPU time is reported so a
// reader can see that it was not the bottleneck.
import { spawn } from "node:child_process";

export interface WrkResult {
  url: string;
  reqPerSec: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Printed only by a script whose done() writes "p95-us <n>" (wrk's --latency lists 50, 75, 90, 99). */
  p95: number;
  requests: number;
  /** Responses other than 2xx or 3xx. */
  non2xx: number;
  /** Socket errors: connect, read, write, timeout. */
  errors: number;
  /** wrk's own CPU time over the run's wall time: 1.0 would be one core saturated. */
  clientCpu: number;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

function latency(out: string, percentile: string): number {
  const m = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
  if (!m) throw new Error(`wrk printed no ${percentile}% latency:\n${out}`);
  return Number(m[1]) * MS[m[2]!]!;
}

/** Runs wrk against `url`; `script` is an optional Lua file (e.g. one that rotates request paths). */
export async function wrk(
  url: string,
  { connections, durationS, script }: { connections: number; durationS: number; script?: string },
): Promise<WrkResult> {
  const args = ["-t1", `-c${connections}`, `-d${durationS}s`, "--latency", ...(script ? ["-s", script] : []), url];
  // bash's `times` prints the CPU time of the shell's children (wrk) after it exits.
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("bash", ["-c", 'wrk "$@"; status=$?; times; exit $status', "wrk", ...args]);
    let text = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr.on("data", (d: Buffer) => (text += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}:\n${text}`))));
  });
  const number = (re: RegExp) => Number(re.exec(out)?.[1] ?? 0);
  const times = [...out.matchAll(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/g)].at(-1);
  const cpu = times ? Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4]) : NaN;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    url,
    reqPerSec: number(/Requests\/sec:\s+([\d.]+)/),
    p50: latency(out, "50"),
    p99: latency(out, "99"),
    p95: Number(/^p95-us (\d+)$/m.exec(out)?.[1] ?? NaN) / 1000,
    requests: number(/(\d+) requests in/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    clientCpu: cpu / durationS,
  };
}
