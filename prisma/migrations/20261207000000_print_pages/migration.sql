-- AlterTable
ALTER TABLE "Issue" ADD COLUMN "pagesKey" TEXT;
ALTER TABLE "Issue" ADD COLUMN "pdfKey" TEXT;

-- CreateTable
CREATE TABLE "Page" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT,
    "staff" TEXT NOT NULL DEFAULT '[]',
    "mediaKey" TEXT,
    "hasPdf" BOOLEAN NOT NULL DEFAULT false,
    "imageWidth" INTEGER,
    "imageHeight" INTEGER,
    CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageStory" (
    "pageId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "area" TEXT,

    PRIMARY KEY ("pageId", "articleId"),
    CONSTRAINT "PageStory_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PageStory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Page_issueId_position_key" ON "Page"("issueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PageStory_articleId_key" ON "PageStory"("articleId");

