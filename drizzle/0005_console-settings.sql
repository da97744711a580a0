ALTER TABLE "shows" ADD COLUMN "on_air_limit" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "shortcuts_enabled" boolean DEFAULT true NOT NULL;