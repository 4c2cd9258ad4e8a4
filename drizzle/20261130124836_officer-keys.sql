CREATE TABLE "officer_key" (
	"key_id" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "officer_key" ADD CONSTRAINT "officer_key_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officer_key_staff_idx" ON "officer_key" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "officer_key_current_idx" ON "officer_key" USING btree ("staff_id") WHERE retired_at is null;