// npm run db:migrate: brings the database named by DATABASE_URL up to the committed migrations.
import "./check-env";
import { migrate } from "../lib/db/migrate";

export { migrate };

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await migrate();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
