-- DropIndex
DROP INDEX CONCURRENTLY IF EXISTS "traces_release_idx";
