-- DropIndex
DROP INDEX "Article_sectionId_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Article_columnId_publishedAt_id_idx";

-- CreateIndex
CREATE INDEX "Article_sectionId_draft_publishedAt_id_idx" ON "Article"("sectionId", "draft", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_columnId_draft_publishedAt_id_idx" ON "Article"("columnId", "draft", "publishedAt", "id");

