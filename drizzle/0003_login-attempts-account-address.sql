-- Failures counted under the old keys cannot be told apart by account and address; they expire within 15 minutes anyway.
DELETE FROM "login_attempts";--> statement-breakpoint
DROP INDEX "login_attempts_key_idx";--> statement-breakpoint
ALTER TABLE "login_attempts" DROP COLUMN "key";--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "account" text NOT NULL;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "login_attempts_account_idx" ON "login_attempts" USING btree ("account","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_address_idx" ON "login_attempts" USING btree ("address","created_at");