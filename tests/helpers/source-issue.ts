import path from "node:path";

// The print issue's raw text as received (../shared/seed/000_44974045fb362f26.txt beside the
// project), committed byte for byte so the tests that hold content/ to it run in any clone.
export const SOURCE_ISSUE = path.resolve("tests/fixtures/source-issue/000_44974045fb362f26.txt");
/** sha256 of the file as received: the copy must stay that file. */
export const SOURCE_ISSUE_SHA256 = "df223d946a90218902ab9f803713e47045bc1014eb25118dc1d52acdf3714588";
