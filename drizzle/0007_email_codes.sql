-- One table for the e-mailed codes of every flow (registration, e-mail change, password reset),
-- with the counts of their rules that the flows' rows held. The codes of flows waiting for a code
-- are copied over first (with their sends and tries), so those flows go on; their HMACs are bound
-- to the flow as before, so the codes already mailed still verify.
CREATE TABLE "email_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"registration_id" uuid,
	"account_flow_id" uuid,
	"code_hmacs" text[] DEFAULT '{}'::text[] NOT NULL,
	"codes_sent" integer DEFAULT 1 NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "email_codes_one_owner" CHECK (num_nonnulls("email_codes"."registration_id", "email_codes"."account_flow_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_account_flow_id_account_flows_id_fk" FOREIGN KEY ("account_flow_id") REFERENCES "public"."account_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "email_codes" ("purpose", "registration_id", "code_hmacs", "codes_sent", "last_sent_at", "tries", "created_at")
SELECT 'registration', r."id",
	coalesce((SELECT array_agg(c."code_hmac" ORDER BY c."id") FROM "registration_codes" c
		WHERE c."registration_id" = r."id" AND c."used_at" IS NULL), '{}'::text[]),
	r."codes_sent", coalesce(r."last_code_sent_at", r."created_at"), r."failed_attempts", r."created_at"
FROM "registrations" r WHERE r."state" = 'code_sent';--> statement-breakpoint
INSERT INTO "email_codes" ("purpose", "account_flow_id", "code_hmacs", "codes_sent", "last_sent_at", "tries", "created_at")
SELECT f."purpose", f."id",
	coalesce((SELECT array_agg(c."code_hmac" ORDER BY c."id") FROM "account_flow_codes" c
		WHERE c."flow_id" = f."id" AND c."used_at" IS NULL), '{}'::text[]),
	f."codes_sent", f."last_code_sent_at", f."failed_attempts", f."created_at"
FROM "account_flows" f WHERE f."state" = 'code_sent';--> statement-breakpoint
DROP TABLE "account_flow_codes" CASCADE;--> statement-breakpoint
DROP TABLE "registration_codes" CASCADE;--> statement-breakpoint
CREATE UNIQUE INDEX "email_codes_registration_unique" ON "email_codes" USING btree ("registration_id") WHERE "email_codes"."registration_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_codes_account_flow_unique" ON "email_codes" USING btree ("account_flow_id") WHERE "email_codes"."account_flow_id" is not null;--> statement-breakpoint
ALTER TABLE "account_flows" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "account_flows" DROP COLUMN "codes_sent";--> statement-breakpoint
ALTER TABLE "account_flows" DROP COLUMN "last_code_sent_at";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "codes_sent";--> statement-breakpoint
ALTER TABLE "registrations" DROP COLUMN "last_code_sent_at";
