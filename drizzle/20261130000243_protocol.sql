CREATE TABLE "envelope_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"from_node" text NOT NULL,
	"to_node" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"body" jsonb NOT NULL,
	"signature" text NOT NULL,
	"digest" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"to_node" text NOT NULL,
	"type" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"signature" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "peer" (
	"node_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"base_url" text NOT NULL,
	"public_key" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "witness_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "witness_checkpoint" (
	"node_id" text NOT NULL,
	"size" bigint NOT NULL,
	"root" text NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"status" text NOT NULL,
	"envelope_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "witness_checkpoint_node_id_size_pk" PRIMARY KEY("node_id","size")
);
--> statement-breakpoint
CREATE INDEX "envelope_in_from_idx" ON "envelope_in" USING btree ("from_node","received_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_peer_type_idx" ON "outbox" USING btree ("to_node","type");