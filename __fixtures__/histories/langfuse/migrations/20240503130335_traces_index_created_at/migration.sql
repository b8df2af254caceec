-- CreateIndex

CREATE INDEX CONCURRENTLY "traces_created_at_idx" ON "traces"("created_at");
