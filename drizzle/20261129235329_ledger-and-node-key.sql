CREATE TABLE "node_key" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_checkpoint" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root" text NOT NULL,
	"timestamp" timestamp with time zone NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_staff_id" text,
	"actor_organisation_id" text,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"articles" text[] NOT NULL,
	"rule_version" text,
	"evidence_digest" text NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_sequence" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"leaf_data" text NOT NULL,
	"leaf_hash" text NOT NULL,
	"sequenced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_sequence_entry_id_unique" UNIQUE("entry_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_sequence" ADD CONSTRAINT "ledger_sequence_entry_id_ledger_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entry_subject_idx" ON "ledger_entry" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_action_idx" ON "ledger_entry" USING btree ("action");--> statement-breakpoint
CREATE INDEX "ledger_entry_actor_idx" ON "ledger_entry" USING btree ("actor_id");