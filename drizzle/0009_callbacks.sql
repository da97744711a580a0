ALTER TYPE "public"."call_state" ADD VALUE 'callback';--> statement-breakpoint
ALTER TYPE "public"."call_state" ADD VALUE 'calling_back';--> statement-breakpoint
ALTER TYPE "public"."call_state" ADD VALUE 'busy';--> statement-breakpoint
ALTER TYPE "public"."call_state" ADD VALUE 'no_answer';--> statement-breakpoint
ALTER TABLE "call_sessions" ADD COLUMN "ringback_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "call_sessions" ADD COLUMN "ringback_retried" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "call_sessions" ADD COLUMN "callback_offered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "callback_offer_after" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "callback_retry" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- Callers waiting for a callback, or being rung back, keep their place and count as waiting (WAITING_STATES).
-- No row is recounted here: nobody can be in the new states yet, and Postgres refuses to use an enum value in
-- the transaction that added it.
CREATE OR REPLACE FUNCTION "console_session_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_waiting uuid;
  new_waiting uuid;
  show uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    show := OLD."show_id";
    IF OLD."episode_id" IS NOT NULL AND OLD."state"::text IN ('ringing', 'queued', 'screening', 'ready', 'callback', 'calling_back') THEN old_waiting := OLD."episode_id"; END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    show := NEW."show_id";
    IF NEW."episode_id" IS NOT NULL AND NEW."state"::text IN ('ringing', 'queued', 'screening', 'ready', 'callback', 'calling_back') THEN new_waiting := NEW."episode_id"; END IF;
  END IF;
  IF old_waiting IS DISTINCT FROM new_waiting THEN
    IF old_waiting IS NOT NULL THEN UPDATE "episodes" SET "waiting" = "waiting" - 1 WHERE "id" = old_waiting; END IF;
    IF new_waiting IS NOT NULL THEN UPDATE "episodes" SET "waiting" = "waiting" + 1 WHERE "id" = new_waiting; END IF;
  END IF;
  UPDATE "shows" SET "console_version" = "console_version" + 1 WHERE "id" = show;
  RETURN NULL;
END $$;
