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
CREATE INDEX "regulator_filing_status_idx" ON "regulator_filing" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "regulator_filing_subject_idx" ON "regulator_filing" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "platform_report_from_idx" ON "platform_report" USING btree ("from_node","received_at");