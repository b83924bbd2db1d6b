-- CreateTable
CREATE TABLE "SiteServer" (
    "url" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

