-- CreateTable
CREATE TABLE "SlugRedirect" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "articleId" INTEGER NOT NULL,
    CONSTRAINT "SlugRedirect_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "issueId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "columnId" INTEGER,
    "kicker" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "dateline" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headings" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "charCount" INTEGER NOT NULL,
    "readingMinutes" INTEGER NOT NULL,
    "corrections" TEXT NOT NULL DEFAULT '[]',
    "imageSrc" TEXT,
    "imageAlt" TEXT,
    "imageCaption" TEXT,
    "imageCredit" TEXT,
    "sourcePath" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "Article_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_columnId_fkey" FOREIGN KEY ("columnId") REFERENCES "Column" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("charCount", "columnId", "dateline", "excerpt", "hash", "headings", "html", "id", "issueId", "kicker", "position", "publishedAt", "readingMinutes", "sectionId", "slug", "sourcePath", "subtitle", "text", "title") SELECT "charCount", "columnId", "dateline", "excerpt", "hash", "headings", "html", "id", "issueId", "kicker", "position", "publishedAt", "readingMinutes", "sectionId", "slug", "sourcePath", "subtitle", "text", "title" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_issueId_position_idx" ON "Article"("issueId", "position");
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");
CREATE INDEX "Article_sectionId_publishedAt_id_idx" ON "Article"("sectionId", "publishedAt", "id");
CREATE INDEX "Article_columnId_publishedAt_id_idx" ON "Article"("columnId", "publishedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SlugRedirect_articleId_idx" ON "SlugRedirect"("articleId");

