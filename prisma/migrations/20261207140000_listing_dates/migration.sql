-- Each byline and tag row carries its article's date and draft flag, so that a byline's or a tag's
-- list is read in order from its own index.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Byline" (
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "role" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "draft" BOOLEAN NOT NULL,

    PRIMARY KEY ("articleId", "authorId"),
    CONSTRAINT "Byline_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Byline_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Edited by hand: each row takes its article's date and draft flag.
INSERT INTO "new_Byline" ("articleId", "authorId", "position", "role", "publishedAt", "draft")
SELECT b."articleId", b."authorId", b."position", b."role", a."publishedAt", a."draft"
FROM "Byline" b JOIN "Article" a ON a."id" = b."articleId";
DROP TABLE "Byline";
ALTER TABLE "new_Byline" RENAME TO "Byline";
CREATE INDEX "Byline_authorId_draft_publishedAt_articleId_idx" ON "Byline"("authorId", "draft", "publishedAt", "articleId");
CREATE TABLE "new_ArticleTag" (
    "articleId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "draft" BOOLEAN NOT NULL,

    PRIMARY KEY ("articleId", "tagId"),
    CONSTRAINT "ArticleTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Edited by hand: each row takes its article's date and draft flag.
INSERT INTO "new_ArticleTag" ("articleId", "position", "tagId", "publishedAt", "draft")
SELECT t."articleId", t."position", t."tagId", a."publishedAt", a."draft"
FROM "ArticleTag" t JOIN "Article" a ON a."id" = t."articleId";
DROP TABLE "ArticleTag";
ALTER TABLE "new_ArticleTag" RENAME TO "ArticleTag";
CREATE INDEX "ArticleTag_tagId_draft_publishedAt_articleId_idx" ON "ArticleTag"("tagId", "draft", "publishedAt", "articleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

