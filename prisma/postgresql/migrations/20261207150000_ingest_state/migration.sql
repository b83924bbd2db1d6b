-- CreateTable
CREATE TABLE "IngestState" (
    "id" INTEGER NOT NULL,
    "filesDigest" TEXT,

    CONSTRAINT "IngestState_pkey" PRIMARY KEY ("id")
);

