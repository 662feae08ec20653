CREATE TABLE "guest_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"procedure_id" text NOT NULL,
	"lang" text NOT NULL,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"application_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_codes" DROP CONSTRAINT "email_codes_one_owner";--> statement-breakpoint
ALTER TABLE "email_codes" ADD COLUMN "guest_flow_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "guest_secret_hash" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "guest_lang" text;--> statement-breakpoint
ALTER TABLE "guest_flows" ADD CONSTRAINT "guest_flows_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guest_flows_token_hash_unique" ON "guest_flows" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "guest_flows_expires_idx" ON "guest_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "guest_flows_application_idx" ON "guest_flows" USING btree ("application_id") WHERE "guest_flows"."application_id" is not null;--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_guest_flow_id_guest_flows_id_fk" FOREIGN KEY ("guest_flow_id") REFERENCES "public"."guest_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_codes_guest_flow_unique" ON "email_codes" USING btree ("guest_flow_id") WHERE "email_codes"."guest_flow_id" is not null;--> statement-breakpoint
ALTER TABLE "email_codes" ADD CONSTRAINT "email_codes_one_owner" CHECK (num_nonnulls("email_codes"."registration_id", "email_codes"."account_flow_id", "email_codes"."guest_flow_id") = 1);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_guest_secret" CHECK (("applications"."guest_email" is null) = ("applications"."guest_secret_hash" is null) and ("applications"."guest_email" is null) = ("applications"."guest_lang" is null));