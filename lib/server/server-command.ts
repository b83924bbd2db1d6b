// How the production server (scripts/serve.ts) is started in a process of its own, by the
// benchmarks and the browser tests as by `npm run serve` and the systemd unit: `--expose-gc` lets
// its renderer collect between requests (./idle-collect.ts).
export const SERVER_NODE_ARGS = ["--expose-gc", "--import", "tsx", "scripts/serve.ts"];
