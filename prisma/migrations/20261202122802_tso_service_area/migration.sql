-- AlterTable
ALTER TABLE "participant" ADD COLUMN     "service_area" "area";
