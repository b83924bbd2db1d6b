// The PostgreSQL counterpart of sql-timer.ts: times every query node-postgres sends from this
// process, including Prisma's (@prisma/adapter-pg calls query() on a pool or a pooled client, both
// ending in pg.Client#query). The time is the client's: from sending the statement to its result,
// so it includes the round trip to the local server and, for queries queued on a busy connection,
// the wait. Off unless a sink is set, so measured runs pay one null check.
import pg from "pg";
import { statementTimer } from "./sql-timer";

type Callback = (err: Error | null, res: unknown) => void;
type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

export const { watchSql, recordSql } = statementTimer((sink) => {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const query = proto.query;
  proto.query = function (config, values, callback) {
    // Query objects (cursors, streams) carry their own callbacks; nothing here sends them.
    if (!sink() || config == null || typeof (config as { submit?: unknown }).submit === "function")
      return query.call(this, config, values, callback);
    const text = typeof config === "string" ? config : String((config as { text?: unknown }).text);
    const args = Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []);
    const start = performance.now();
    const done = () => sink()?.("execute", text, performance.now() - start, args);
    const timed =
      (cb: Callback): Callback =>
      (err, res) => {
        done();
        cb(err, res);
      };
    if (typeof values === "function") return query.call(this, config, timed(values as Callback));
    if (typeof callback === "function") return query.call(this, config, values, timed(callback as Callback));
    const result = query.call(this, config, values) as Promise<unknown>;
    // A second branch that sees the outcome: the caller's own handling of the promise is unchanged.
    result.then(done, done);
    return result;
  };
});
