CREATE TABLE "officer_key" (
	"key_id" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
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
ALTER TABLE "officer_key" ADD CONSTRAINT "officer_key_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_key_staff_idx" ON "officer_key" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "officer_key_current_idx" ON "officer_key" USING btree ("staff_id") WHERE retired_at is null;--> statement-breakpoint
CREATE INDEX "accountability_record_staff_idx" ON "accountability_record" USING btree ("staff_id");