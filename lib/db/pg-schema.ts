// The PostgreSQL schema is generated from prisma/schema.prisma, the one data
// model, so the two providers cannot drift: only the datasource's provider and
// the client's output folder differ. A unit test checks the committed copy.

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/db\/generated"/, '$1"../../lib/db/generated-pg"');
  if (!swapped.includes('"postgresql"') || !swapped.includes("generated-pg")) {
    throw new Error(`${SQLITE_SCHEMA} no longer has the datasource or generator this script rewrites`);
  }
  return `// GENERATED from ${SQLITE_SCHEMA} by \`npm run db:pg-schema\`: edit that file, not this one.\n\n${swapped}`;
}
