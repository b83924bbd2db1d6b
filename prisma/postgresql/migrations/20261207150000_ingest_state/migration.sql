-- CreateTable
CREATE TABLE "IngestState" (
    "id" INTEGER NOT NULL,
    "filesDigest" TEXT,
    "ingestedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestState_pkey" PRIMARY KEY ("id")
);

