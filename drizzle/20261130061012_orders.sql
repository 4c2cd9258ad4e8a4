CREATE TABLE "received_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_node" text NOT NULL,
	"kind" text NOT NULL,
	"target" jsonb NOT NULL,
	"basis" text NOT NULL,
	"articles" text[] NOT NULL,
	"reason" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"executed_by" text,
	"executed_by_name" text,
	"executed_at" timestamp with time zone,
	"execution" jsonb
);
--> statement-breakpoint
CREATE TABLE "platform_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_node" text NOT NULL,
	"kind" text NOT NULL,
	"target" jsonb NOT NULL,
	"basis" text NOT NULL,
	"articles" text[] NOT NULL,
	"reason" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"envelope_id" uuid NOT NULL,
	"status" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"executed_at" timestamp with time zone,
	"execution" jsonb,
	"overdue_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "platform_order_status_idx" ON "platform_order" USING btree ("status","deadline_at");