-- CreateTable
CREATE TABLE "FeaturedPractice" (
    "id" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "featuredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeaturedPractice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeaturedPractice_partnershipId_subjectType_subjectId_key" ON "FeaturedPractice"("partnershipId", "subjectType", "subjectId");

-- AddForeignKey
ALTER TABLE "FeaturedPractice" ADD CONSTRAINT "FeaturedPractice_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

