CREATE TABLE "clarification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"verdict" text NOT NULL,
	"author_org_id" uuid NOT NULL,
	"drafted_by" text NOT NULL,
	"drafted_by_name" text NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"cosign_org_id" uuid,
	"cosigned_by" text,
	"cosigned_by_name" text,
	"cosigned_at" timestamp with time zone,
	"approved_by" text,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"reported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clarification_delivery" (
	"clarification_id" uuid NOT NULL,
	"platform_node" text NOT NULL,
	"envelope_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"acted_at" timestamp with time zone,
	"disposal_id" text,
	"stopped" integer,
	"to_review" integer,
	"platform_started_at" timestamp with time zone,
	"platform_finished_at" timestamp with time zone,
	CONSTRAINT "clarification_delivery_clarification_id_platform_node_pk" PRIMARY KEY("clarification_id","platform_node")
);
