import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The PostgreSQL side of the same data model (see lib/db/pg-schema.ts). Used for
// `prisma generate` and `prisma migrate diff`, which need no database; migrations
// are applied by scripts/migrate.ts (Prisma's WASM engine cannot migrate PostgreSQL
// through the adapter: Prisma bug 27403).
// Generation needs no database, but a file: DATABASE_URL reaching the PostgreSQL schema makes
// Prisma reach for a native engine (and fail offline): this config only ever sees a postgresql:// URL.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))
  process.env.DATABASE_URL = "postgresql://localhost/portal";

export default defineConfig({
  schema: path.join(import.meta.dirname, "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
