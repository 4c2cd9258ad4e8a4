CREATE TABLE "accountability_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	"organisation_id" uuid,
	"findings" jsonb NOT NULL,
	"measure" text NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"concluded_by" uuid,
	"concluded_by_name" text,
	"concluded_at" timestamp with time zone,
	CONSTRAINT "accountability_record_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE INDEX "accountability_record_staff_idx" ON "accountability_record" USING btree ("staff_id");