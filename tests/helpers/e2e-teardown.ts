import { dropE2eDatabase } from "./e2e-database";

/** Playwright global teardown: the run's database goes with it. */
export default async function teardown() {
  await dropE2eDatabase();
}
