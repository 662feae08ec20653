CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"field_id" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"revision" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"staff_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"message" text,
	"visible_to_applicant" boolean NOT NULL,
	"revision" integer NOT NULL,
	"changed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"marked_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"previous_answers" jsonb
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference_number" text,
	"procedure_id" text NOT NULL,
	"version" text,
	"user_id" uuid,
	"guest_email" text,
	"one_per_person" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"marked_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_saved_at" timestamp with time zone NOT NULL,
	"draft_expires_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"keep_until" timestamp with time zone,
	CONSTRAINT "applications_one_applicant" CHECK ("applications"."user_id" is null or "applications"."guest_email" is null),
	CONSTRAINT "applications_draft_expiry" CHECK (("applications"."state" = 'draft') = ("applications"."draft_expires_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "procedure_settings" (
	"procedure_id" text PRIMARY KEY NOT NULL,
	"accepting" boolean NOT NULL,
	"changed_by_staff_id" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"procedure_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_version_procedure_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."procedure_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_attachments_application_idx" ON "application_attachments" USING btree ("application_id","field_id");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference_unique" ON "applications" USING btree ("reference_number") WHERE "applications"."reference_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_person_unique" ON "applications" USING btree ("user_id","procedure_id") WHERE "applications"."one_per_person" and "applications"."state" in ('draft', 'submitted', 'in_progress', 'returned');--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","id") WHERE "applications"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_procedure_idx" ON "applications" USING btree ("procedure_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_state_idx" ON "applications" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_version_idx" ON "applications" USING btree ("version");--> statement-breakpoint
CREATE INDEX "applications_draft_expiry_idx" ON "applications" USING btree ("draft_expires_at") WHERE "applications"."draft_expires_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_keep_until_idx" ON "applications" USING btree ("keep_until") WHERE "applications"."keep_until" is not null;--> statement-breakpoint
CREATE INDEX "procedure_versions_procedure_idx" ON "procedure_versions" USING btree ("procedure_id","created_at");--> statement-breakpoint
-- An application's history is append-only: no event may be changed, nor removed while its
-- application exists (the events go with the application, by the ON DELETE CASCADE above).
CREATE OR REPLACE FUNCTION application_events_forbid_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM applications WHERE id = OLD.application_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'application_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION application_events_forbid_change();
--> statement-breakpoint
-- Drafts belong to the account: they go with it (退会, the back office). Applications sent are the
-- city's record and stay (user_id becomes null by the foreign key).
CREATE OR REPLACE FUNCTION applications_drafts_go_with_user() RETURNS trigger AS $$
BEGIN
  DELETE FROM applications WHERE user_id = OLD.id AND state = 'draft';
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_delete_drafts BEFORE DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION applications_drafts_go_with_user();
