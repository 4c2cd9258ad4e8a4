CREATE TABLE "received_bulletin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_node" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"articles" text[] NOT NULL,
	"issued_by_organisation" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text
);
--> statement-breakpoint
CREATE TABLE "bulletin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"articles" text[] NOT NULL,
	"case_id" uuid,
	"issuing_organisation_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_name" text NOT NULL,
	CONSTRAINT "bulletin_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "bulletin_recipient" (
	"bulletin_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient_id" text NOT NULL,
	"envelope_id" text,
	"read_at" timestamp with time zone,
	"read_by_name" text,
	CONSTRAINT "bulletin_recipient_bulletin_id_kind_recipient_id_pk" PRIMARY KEY("bulletin_id","kind","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "case_transfer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"peer_node_id" text NOT NULL,
	"case_id" uuid,
	"case_number" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"reason" text NOT NULL,
	"materials" jsonb NOT NULL,
	"status" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_name" text NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"answer_reason" text,
	"peer_case_number" text
);
--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_issuing_organisation_id_organisation_id_fk" FOREIGN KEY ("issuing_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_recipient" ADD CONSTRAINT "bulletin_recipient_bulletin_id_bulletin_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletin"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletin_issued_idx" ON "bulletin" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "bulletin_recipient_idx" ON "bulletin_recipient" USING btree ("kind","recipient_id");--> statement-breakpoint
CREATE INDEX "case_transfer_status_idx" ON "case_transfer" USING btree ("direction","status","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_transfer_pending_uq" ON "case_transfer" USING btree ("case_id") WHERE direction = 'outgoing' and status = 'pending';