ALTER TABLE "api_keys" ADD COLUMN "is_in_app_agent_key" BOOLEAN NOT NULL DEFAULT false;
