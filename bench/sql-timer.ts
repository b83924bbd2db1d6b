// Times every SQL statement better-sqlite3 prepares and runs in this process, including the ones
// Prisma's adapter sends (it calls prepare(sql).bind(args) and then run() or raw().all()). That
// splits a search or an ingest into SQLite time per statement and everything else (Prisma, JS),
// without touching lib/. Off unless a sink is set, so measured runs pay one null check.
import Database from "better-sqlite3";

export interface Statement {
  sql: string;
  args: unknown[];
  ms: number;
}

/** `prepare` comes first, then `execute` (run/all/get) of the same statement, with its bound arguments. */
export type Sink = (phase: "prepare" | "execute", sql: string, ms: number, args: unknown[]) => void;
type Method = (this: { source: string }, ...a: unknown[]) => unknown;

/**
 * The watch and record functions of one driver's timer. `install` patches the driver once, on first
 * use, and reports each statement to the current sink (null when nobody is watching).
 */
export function statementTimer(install: (sink: () => Sink | null) => void) {
  let sink: Sink | null = null;
  let installed = false;

  /** Calls `onStatement` for each prepare and each execution until the returned stop function is called. */
  function watchSql(onStatement: Sink): () => void {
    if (!installed) install(() => sink);
    installed = true;
    sink = onStatement;
    return () => {
      sink = null;
    };
  }

  /** Runs `fn`, returning its result and the statements it ran (prepare and execution time summed per statement). */
  async function recordSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
    const statements: Statement[] = [];
    let preparing = 0;
    const stop = watchSql((phase, sql, ms, args) => {
      // better-sqlite3's adapter prepares every statement anew: that time belongs to the statement.
      if (phase === "prepare") preparing += ms;
      else {
        statements.push({ sql, args, ms: ms + preparing });
        preparing = 0;
      }
    });
    try {
      return { result: await fn(), statements };
    } finally {
      stop();
    }
  }

  return { watchSql, recordSql };
}

const boundArgs = new WeakMap<object, unknown[]>();

export const { watchSql, recordSql } = statementTimer((sink) => {
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Method>;
  probe.close();
  const databaseProto = Database.prototype as unknown as Record<string, (this: unknown, sql: string) => object>;

  const prepare = databaseProto.prepare!;
  databaseProto.prepare = function (sql: string) {
    const s = sink();
    if (!s) return prepare.call(this, sql);
    const start = performance.now();
    const statement = prepare.call(this, sql);
    s("prepare", sql, performance.now() - start, []);
    return statement;
  };
  const bind = statementProto.bind!;
  statementProto.bind = function (...args: unknown[]) {
    if (sink()) boundArgs.set(this, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
    return bind.apply(this, args);
  };
  for (const name of ["run", "all", "get"] as const) {
    const original = statementProto[name]!;
    statementProto[name] = function (...args: unknown[]) {
      const s = sink();
      if (!s) return original.apply(this, args);
      const start = performance.now();
      const result = original.apply(this, args);
      s("execute", this.source, performance.now() - start, boundArgs.get(this) ?? args);
      return result;
    };
  }
});
