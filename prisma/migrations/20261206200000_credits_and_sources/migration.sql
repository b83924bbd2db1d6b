-- Bylines gain the role printed before the name; articles gain a reprint's source and their photo
-- credits. Written by hand as ALTER TABLE ADD COLUMN: Prisma's diff rebuilds "Article" to add them.
ALTER TABLE "Byline" ADD COLUMN "role" TEXT;
ALTER TABLE "Article" ADD COLUMN "source" TEXT;
ALTER TABLE "Article" ADD COLUMN "photoCredits" TEXT NOT NULL DEFAULT '[]';
