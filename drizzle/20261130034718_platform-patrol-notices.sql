CREATE TABLE "review_decision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"decision" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_notice" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"articles" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patrol_look" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"staff_id" text NOT NULL,
	"staff_name" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"looked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_version" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"trigger" text NOT NULL,
	"window_days" integer NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"cursor_at" timestamp with time zone,
	"cursor_id" uuid,
	"total" integer NOT NULL,
	"scanned" integer DEFAULT 0 NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "patrol_run_id" uuid;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "escalated_by" text;--> statement-breakpoint
ALTER TABLE "content_item" ADD COLUMN "escalation_note" text;--> statement-breakpoint
ALTER TABLE "user_notice" ADD CONSTRAINT "user_notice_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_decision_time_idx" ON "review_decision" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "user_notice_user_idx" ON "user_notice" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "patrol_look_item_idx" ON "patrol_look" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "patrol_look_time_idx" ON "patrol_look" USING btree ("looked_at");--> statement-breakpoint
CREATE INDEX "patrol_run_status_idx" ON "patrol_run" USING btree ("status","started_at");--> statement-breakpoint
UPDATE content_item SET held_at = created_at WHERE status = 'held';