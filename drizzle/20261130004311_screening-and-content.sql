CREATE TABLE "content_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"post_id" uuid,
	"parent_id" uuid,
	"text" text NOT NULL,
	"fiction_declared" boolean NOT NULL,
	"fiction_label" boolean NOT NULL,
	"danmaku_ms" integer,
	"status" text NOT NULL,
	"verdict" jsonb NOT NULL,
	"rule_version" text NOT NULL,
	"rules_accepted" jsonb NOT NULL,
	"credit_pre_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text,
	"claimed_by" text,
	"claimed_by_name" text,
	"claim_expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "false_claim" (
	"id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_set_version" (
	"version" integer PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"lexicon" jsonb NOT NULL,
	"policy" jsonb,
	"note" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_item" ADD CONSTRAINT "content_item_author_id_platform_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_item_author_idx" ON "content_item" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "content_item_post_idx" ON "content_item" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "content_item_status_idx" ON "content_item" USING btree ("status","created_at");