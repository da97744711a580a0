-- Held console polls (lib/db/console-changes.ts) wake on NOTIFY "console_changed" instead of asking every second.
-- Postgres delivers a notification at commit, to every instance listening, once per transaction for one payload.
CREATE FUNCTION "console_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('console_changed', '');
  RETURN NULL;
END $$;--> statement-breakpoint
-- Every change a console shows moves a show's console version (0006), and the view's version is read off shows.
CREATE TRIGGER "shows_console_notify_update" AFTER UPDATE ON "shows"
  FOR EACH ROW
  WHEN (OLD."console_version" IS DISTINCT FROM NEW."console_version")
  EXECUTE FUNCTION "console_notify"();--> statement-breakpoint
CREATE TRIGGER "shows_console_notify_insert_delete" AFTER INSERT OR DELETE ON "shows"
  FOR EACH STATEMENT EXECUTE FUNCTION "console_notify"();--> statement-breakpoint
-- Taking access away wakes the held polls too, so each one checks its reader again and a revoked console hears 401
-- at once rather than when its wait runs out. No console version moves: nothing any console shows has changed.
CREATE TRIGGER "users_console_notify_access" AFTER UPDATE ON "users"
  FOR EACH ROW
  WHEN ((OLD."disabled", OLD."session_epoch") IS DISTINCT FROM (NEW."disabled", NEW."session_epoch"))
  EXECUTE FUNCTION "console_notify"();--> statement-breakpoint
CREATE TRIGGER "users_console_notify_delete" AFTER DELETE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "console_notify"();--> statement-breakpoint
CREATE TRIGGER "revoked_sessions_console_notify" AFTER INSERT ON "revoked_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "console_notify"();--> statement-breakpoint
CREATE TRIGGER "api_tokens_console_notify" AFTER UPDATE OR DELETE ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "console_notify"();
