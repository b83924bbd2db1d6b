// npm run content:check: validates content/ without touching the database. Exit 1 on errors; warnings do not fail.
// Also the git pre-commit hook (scripts/git-hooks/pre-commit).
import "./check-env";
import { checkContent } from "../lib/content/check";
import { formatProblem } from "../lib/content/errors";
import { contentRoot, readContentFiles } from "../lib/content/read";

const root = process.argv[2] ?? contentRoot();
const { problems, warnings, content } = checkContent(await readContentFiles(root), root);
for (const w of warnings) console.warn(`warning ${formatProblem(w)}`);
if (problems.length) {
  for (const p of problems) console.error(`error   ${formatProblem(p)}`);
  console.error(`\n${problems.length} error(s), ${warnings.length} warning(s): fix the errors, then check again.`);
  process.exitCode = 1;
} else {
  console.log(
    `content OK: ${content!.issues.length} issue(s), ${content!.articles.length} article(s); ${warnings.length} warning(s)`,
  );
}
