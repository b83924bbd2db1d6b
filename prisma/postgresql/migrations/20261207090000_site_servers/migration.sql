-- CreateTable
CREATE TABLE "SiteServer" (
    "url" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteServer_pkey" PRIMARY KEY ("url")
);

