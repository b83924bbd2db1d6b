-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "photoCredits" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "source" TEXT;

-- AlterTable
ALTER TABLE "Byline" ADD COLUMN     "role" TEXT;

