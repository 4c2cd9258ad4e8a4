CREATE TABLE "appeal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"appellant_id" uuid NOT NULL,
	"decision_kind" text NOT NULL,
	"decision_ref" text NOT NULL,
	"original_by" text,
	"decision_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_name" text,
	"outcome_reason" text
);
--> statement-breakpoint
CREATE TABLE "disposal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rumor_id" uuid,
	"item_id" uuid,
	"measures" text[] NOT NULL,
	"reason" text NOT NULL,
	"articles" text[] NOT NULL,
	"category" text NOT NULL,
	"notify_interactors" boolean NOT NULL,
	"status" text NOT NULL,
	"candidates" integer DEFAULT 0 NOT NULL,
	"applied" integer DEFAULT 0 NOT NULL,
	"to_review" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "disposal_item" (
	"disposal_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"similarity" real NOT NULL,
	"outcome" text NOT NULL,
	"measures" text[] NOT NULL,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"status_before" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"after_ms" integer NOT NULL,
	CONSTRAINT "disposal_item_disposal_id_item_id_pk" PRIMARY KEY("disposal_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "legal_hold" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"released_by" text,
	"released_at" timestamp with time zone,
	"release_reason" text
);
--> statement-breakpoint
CREATE TABLE "retained_content" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"sealed" text,
	"digest" text NOT NULL,
	"removed_at" timestamp with time zone NOT NULL,
	"retain_until" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rumor" (
	"id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"verdict" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"clarification_url" text,
	"clarification_title" text,
	"claim_id" uuid NOT NULL,
	"confirmed_by" text NOT NULL,
	"confirmed_by_name" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulator_filing" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"category" text NOT NULL,
	"summary" jsonb NOT NULL,
	"queued_entry_id" uuid NOT NULL,
	"status" text NOT NULL,
	"to_node" text NOT NULL,
	"envelope_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "content_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tracking_no" text NOT NULL,
	"item_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"outcome_reason" text,
	"outcome_articles" text[],
	"disposal_id" uuid,
	CONSTRAINT "content_report_tracking_no_unique" UNIQUE("tracking_no")
);
--> statement-breakpoint
CREATE TABLE "reporter_standing" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"upheld" integer DEFAULT 0 NOT NULL,
	"dismissed" integer DEFAULT 0 NOT NULL,
	"muted_until" timestamp with time zone,
	"muted_reason" text,
	"muted_by" text
);
--> statement-breakpoint
CREATE TABLE "platform_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_node" text NOT NULL,
	"filing_id" uuid NOT NULL,
	"envelope_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"category" text NOT NULL,
	"summary" jsonb NOT NULL,
	"entries" jsonb NOT NULL,
	"queued_entry_id" uuid NOT NULL,
	"checkpoint_size" bigint NOT NULL,
	"checkpoint_root" text NOT NULL,
	"checkpoint_note" text NOT NULL,
	"proofs_verified" boolean NOT NULL,
	"witness_check" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_report_filing_uq" UNIQUE("from_node","filing_id")
);
--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "restriction" text;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "false_label" jsonb;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "disposal_id" uuid;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "content_item_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_appellant_id_platform_user_id_fk" FOREIGN KEY ("appellant_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_report" ADD CONSTRAINT "content_report_reporter_id_platform_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporter_standing" ADD CONSTRAINT "reporter_standing_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_status_idx" ON "appeal" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "appeal_appellant_idx" ON "appeal" USING btree ("appellant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appeal_one_open_idx" ON "appeal" USING btree ("item_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "disposal_created_idx" ON "disposal" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "disposal_item_item_idx" ON "disposal_item" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "regulator_filing_status_idx" ON "regulator_filing" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "regulator_filing_subject_idx" ON "regulator_filing" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "content_report_item_idx" ON "content_report" USING btree ("item_id","status");--> statement-breakpoint
CREATE INDEX "content_report_reporter_idx" ON "content_report" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "content_report_open_idx" ON "content_report" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE UNIQUE INDEX "content_report_one_open_idx" ON "content_report" USING btree ("item_id","reporter_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "platform_report_from_idx" ON "platform_report" USING btree ("from_node","received_at");--> statement-breakpoint
CREATE INDEX "content_item_seq_idx" ON "content_item" USING btree ("seq");