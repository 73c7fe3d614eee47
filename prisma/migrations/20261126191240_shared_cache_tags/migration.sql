-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "revalidatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);
