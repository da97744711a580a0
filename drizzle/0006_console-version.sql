ALTER TABLE "episodes" ADD COLUMN "waiting" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "shows" ADD COLUMN "console_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The triggers below keep episodes.waiting and shows.console_version right whatever module, instance or test
-- writes. They are deferred to commit, so each transaction holds these hot rows only while it commits.
-- The waiting states are WAITING_STATES (lib/telephony/call-session-machine.ts); a test checks the two agree.
UPDATE "episodes" e SET "waiting" = (
  SELECT count(*) FROM "call_sessions" s WHERE s."episode_id" = e."id" AND s."state" IN ('ringing', 'queued', 'screening', 'ready')
);--> statement-breakpoint
CREATE FUNCTION "console_session_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_waiting uuid;
  new_waiting uuid;
  show uuid;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    show := OLD."show_id";
    IF OLD."episode_id" IS NOT NULL AND OLD."state" IN ('ringing', 'queued', 'screening', 'ready') THEN old_waiting := OLD."episode_id"; END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    show := NEW."show_id";
    IF NEW."episode_id" IS NOT NULL AND NEW."state" IN ('ringing', 'queued', 'screening', 'ready') THEN new_waiting := NEW."episode_id"; END IF;
  END IF;
  IF old_waiting IS DISTINCT FROM new_waiting THEN
    IF old_waiting IS NOT NULL THEN UPDATE "episodes" SET "waiting" = "waiting" - 1 WHERE "id" = old_waiting; END IF;
    IF new_waiting IS NOT NULL THEN UPDATE "episodes" SET "waiting" = "waiting" + 1 WHERE "id" = new_waiting; END IF;
  END IF;
  UPDATE "shows" SET "console_version" = "console_version" + 1 WHERE "id" = show;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "call_sessions_console_insert_delete" AFTER INSERT OR DELETE ON "call_sessions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "console_session_changed"();--> statement-breakpoint
-- Bookkeeping no console shows (a callback's sequence number, the conference sid) changes no version.
CREATE CONSTRAINT TRIGGER "call_sessions_console_update" AFTER UPDATE ON "call_sessions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['last_status_sequence', 'conference_sid', 'updated_at']) IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['last_status_sequence', 'conference_sid', 'updated_at']))
  EXECUTE FUNCTION "console_session_changed"();--> statement-breakpoint
CREATE FUNCTION "console_message_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  episode uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN episode := OLD."episode_id"; ELSE episode := NEW."episode_id"; END IF;
  UPDATE "shows" SET "console_version" = "console_version" + 1 WHERE "id" = (SELECT "show_id" FROM "episodes" WHERE "id" = episode);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "messages_console" AFTER INSERT OR UPDATE OR DELETE ON "messages"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "console_message_changed"();--> statement-breakpoint
CREATE FUNCTION "console_episode_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "shows" SET "console_version" = "console_version" + 1 WHERE "id" = NEW."show_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "episodes_console_insert" AFTER INSERT ON "episodes"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "console_episode_changed"();--> statement-breakpoint
-- The arrival and waiting counters are not on any console; what the episode is, and its contest, are.
CREATE CONSTRAINT TRIGGER "episodes_console_update" AFTER UPDATE ON "episodes"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((to_jsonb(OLD) - ARRAY['arrivals', 'waiting']) IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['arrivals', 'waiting']))
  EXECUTE FUNCTION "console_episode_changed"();--> statement-breakpoint
CREATE FUNCTION "console_caller_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "shows" SET "console_version" = "console_version" + 1
    WHERE "id" IN (SELECT DISTINCT "show_id" FROM "call_sessions" WHERE "caller_id" = NEW."id");
  RETURN NULL;
END $$;--> statement-breakpoint
-- A caller's history (calls, airings, notes, flags) is on every card of theirs.
CREATE CONSTRAINT TRIGGER "callers_console_update" AFTER UPDATE ON "callers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."call_count", OLD."aired_count", OLD."last_call_at", OLD."notes", OLD."flags") IS DISTINCT FROM (NEW."call_count", NEW."aired_count", NEW."last_call_at", NEW."notes", NEW."flags"))
  EXECUTE FUNCTION "console_caller_changed"();--> statement-breakpoint
CREATE FUNCTION "console_staff_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "shows" SET "console_version" = "console_version" + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Staff names and roles appear on cards (the screener) and in the chat.
CREATE CONSTRAINT TRIGGER "users_console_update" AFTER UPDATE ON "users"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD."name", OLD."role") IS DISTINCT FROM (NEW."name", NEW."role"))
  EXECUTE FUNCTION "console_staff_changed"();--> statement-breakpoint
CREATE FUNCTION "console_show_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."console_version" := OLD."console_version" + 1;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "shows_console_update" BEFORE UPDATE ON "shows"
  FOR EACH ROW
  WHEN ((OLD."name", OLD."phone_number", OLD."on_air_limit") IS DISTINCT FROM (NEW."name", NEW."phone_number", NEW."on_air_limit"))
  EXECUTE FUNCTION "console_show_changed"();
