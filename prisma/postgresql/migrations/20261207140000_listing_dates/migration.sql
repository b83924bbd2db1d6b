-- Each byline and tag row carries its article's date and draft flag, so that a byline's or a tag's
-- list is read in order from its own index. Edited by hand: the columns are added empty, filled from
-- "Article", then made NOT NULL, so that a database with stories migrates.

-- DropIndex
DROP INDEX "Byline_authorId_articleId_idx";

-- DropIndex
DROP INDEX "ArticleTag_tagId_articleId_idx";

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN     "draft" BOOLEAN,
ADD COLUMN     "publishedAt" TIMESTAMP(3);
UPDATE "Byline" b SET "draft" = a."draft", "publishedAt" = a."publishedAt" FROM "Article" a WHERE a."id" = b."articleId";
ALTER TABLE "Byline" ALTER COLUMN "draft" SET NOT NULL, ALTER COLUMN "publishedAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN     "draft" BOOLEAN,
ADD COLUMN     "publishedAt" TIMESTAMP(3);
UPDATE "ArticleTag" t SET "draft" = a."draft", "publishedAt" = a."publishedAt" FROM "Article" a WHERE a."id" = t."articleId";
ALTER TABLE "ArticleTag" ALTER COLUMN "draft" SET NOT NULL, ALTER COLUMN "publishedAt" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Byline_authorId_draft_publishedAt_articleId_idx" ON "Byline"("authorId", "draft", "publishedAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_draft_publishedAt_articleId_idx" ON "ArticleTag"("tagId", "draft", "publishedAt", "articleId");
