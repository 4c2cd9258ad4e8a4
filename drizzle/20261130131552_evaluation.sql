CREATE TABLE "metrics_submission" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	"to_nodes" text[] NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "metrics_submission_period_unique" UNIQUE("period")
);
--> statement-breakpoint
CREATE TABLE "evaluation_indicator_set" (
	"version" integer PRIMARY KEY NOT NULL,
	"indicators" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"indicator_version" integer NOT NULL,
	"result" jsonb NOT NULL,
	"status" text NOT NULL,
	"run_by_name" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"published_by_name" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_metrics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"platform_node" text NOT NULL,
	"period" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	"envelope_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_metrics_once" UNIQUE("platform_node","period")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_input" (
	"id" uuid PRIMARY KEY NOT NULL,
	"platform_node" text NOT NULL,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"source_name" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY NOT NULL,
	"platform_node" text NOT NULL,
	"county_code" text,
	"handling" integer NOT NULL,
	"clarification_speed" integer NOT NULL,
	"reporting" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
