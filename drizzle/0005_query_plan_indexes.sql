DROP INDEX "mail_outbox_due_idx";--> statement-breakpoint
CREATE INDEX "account_flow_codes_flow_idx" ON "account_flow_codes" USING btree ("flow_id");--> statement-breakpoint
CREATE INDEX "account_flows_user_idx" ON "account_flows" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "mail_outbox_queued_idx" ON "mail_outbox" USING btree ("next_attempt_at","id") WHERE "mail_outbox"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "mail_outbox_sending_idx" ON "mail_outbox" USING btree ("locked_until") WHERE "mail_outbox"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "mail_outbox_registration_idx" ON "mail_outbox" USING btree ("registration_id") WHERE "mail_outbox"."registration_id" is not null;--> statement-breakpoint
CREATE INDEX "mail_outbox_account_flow_idx" ON "mail_outbox" USING btree ("account_flow_id") WHERE "mail_outbox"."account_flow_id" is not null;--> statement-breakpoint
CREATE INDEX "mail_outbox_user_idx" ON "mail_outbox" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notice_deliveries_user_idx" ON "notice_deliveries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notices_mail_sending_idx" ON "notices" USING btree ("created_at") WHERE "notices"."mail_status" = 'sending';--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "registration_codes_registration_idx" ON "registration_codes" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "registrations_user_idx" ON "registrations" USING btree ("user_id") WHERE "registrations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "staff_sessions_staff_idx" ON "staff_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_sessions_last_seen_idx" ON "staff_sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "staff_sessions_created_idx" ON "staff_sessions" USING btree ("created_at");