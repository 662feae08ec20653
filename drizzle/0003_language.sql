ALTER TABLE "registrations" ADD COLUMN "lang" text DEFAULT 'ja' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "lang" text DEFAULT 'ja' NOT NULL;