-- AlterTable
ALTER TABLE "Issue" ADD COLUMN     "pagesKey" TEXT,
ADD COLUMN     "pdfKey" TEXT;

-- CreateTable
CREATE TABLE "Page" (
    "id" SERIAL NOT NULL,
    "issueId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT,
    "staff" TEXT NOT NULL DEFAULT '[]',
    "mediaKey" TEXT,
    "hasPdf" BOOLEAN NOT NULL DEFAULT false,
    "imageWidth" INTEGER,
    "imageHeight" INTEGER,

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PageStory" (
    "pageId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "area" TEXT,

    CONSTRAINT "PageStory_pkey" PRIMARY KEY ("pageId","articleId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Page_issueId_position_key" ON "Page"("issueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PageStory_articleId_key" ON "PageStory"("articleId");

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageStory" ADD CONSTRAINT "PageStory_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PageStory" ADD CONSTRAINT "PageStory_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

