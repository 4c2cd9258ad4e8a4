CREATE TABLE "received_inspection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_node" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	"filing_id" text
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_node" text NOT NULL,
	"kind" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"envelope_id" uuid NOT NULL,
	"status" text NOT NULL,
	"answered_at" timestamp with time zone,
	"figures" jsonb,
	"filing_id" text
);
