CREATE TABLE "content_interaction" (
	"user_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_interaction_user_id_item_id_kind_pk" PRIMARY KEY("user_id","item_id","kind")
);
--> statement-breakpoint
CREATE TABLE "feed_intervention" (
	"id" uuid PRIMARY KEY NOT NULL,
	"target_kind" text NOT NULL,
	"target" text NOT NULL,
	"action" text NOT NULL,
	"factor" real,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_name" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_name" text
);
--> statement-breakpoint
CREATE TABLE "feed_setting" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"personalised" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_engagement" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	"replies" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_model" (
	"version" integer PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"note" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_interest" (
	"user_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"weight" real NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "user_interest_user_id_tag_pk" PRIMARY KEY("user_id","tag")
);
--> statement-breakpoint
ALTER TABLE "content_interaction" ADD CONSTRAINT "content_interaction_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_setting" ADD CONSTRAINT "feed_setting_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_interest" ADD CONSTRAINT "user_interest_user_id_platform_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_interaction_item_idx" ON "content_interaction" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "feed_intervention_expires_idx" ON "feed_intervention" USING btree ("expires_at");