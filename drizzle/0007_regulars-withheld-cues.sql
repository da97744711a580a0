CREATE TYPE "public"."queue_lane" AS ENUM('front', 'normal', 'back');--> statement-breakpoint
CREATE TYPE "public"."withheld_policy" AS ENUM('accept', 'refuse', 'back');--> statement-breakpoint
ALTER TABLE "call_sessions" ADD COLUMN "queue_lane" "queue_lane" DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "call_sessions" ADD COLUMN "cue" text;--> statement-breakpoint
ALTER TABLE "callers" ADD COLUMN "regular_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "callers" ADD COLUMN "regular_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "callers" ADD COLUMN "regular_note" text;--> statement-breakpoint
ALTER TABLE "callers" ADD COLUMN "regular_by" uuid;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "withheld_policy" "withheld_policy" DEFAULT 'accept' NOT NULL;--> statement-breakpoint
ALTER TABLE "callers" ADD CONSTRAINT "callers_regular_by_users_id_fk" FOREIGN KEY ("regular_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP TRIGGER "call_sessions_console_update" ON "call_sessions";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "call_sessions_console_update" AFTER UPDATE ON "call_sessions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['last_status_sequence', 'conference_sid', 'updated_at', 'cue']) IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['last_status_sequence', 'conference_sid', 'updated_at', 'cue']))
  EXECUTE FUNCTION "console_session_changed"();
