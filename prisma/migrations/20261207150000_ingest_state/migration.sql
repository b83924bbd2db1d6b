-- CreateTable
CREATE TABLE "IngestState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "filesDigest" TEXT
);

