// npm run db:pg-schema: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "../lib/db/pg-schema";

mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
console.log(`wrote ${POSTGRES_SCHEMA}`);
