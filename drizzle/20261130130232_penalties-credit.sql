CREATE TABLE "credit_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_kind" text NOT NULL,
	"party_node_id" text,
	"party_name" text NOT NULL,
	"penalty_case_id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"article" text NOT NULL,
	"violated" text[] NOT NULL,
	"measures" jsonb NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	CONSTRAINT "credit_record_penalty_case_id_unique" UNIQUE("penalty_case_id")
);
--> statement-breakpoint
ALTER TABLE "credit_record" ADD CONSTRAINT "credit_record_penalty_case_id_penalty_case_id_fk" FOREIGN KEY ("penalty_case_id") REFERENCES "public"."penalty_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_record_party_idx" ON "credit_record" USING btree ("party_node_id");