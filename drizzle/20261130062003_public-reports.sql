CREATE TABLE "public_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code_digest" text NOT NULL,
	"category" text NOT NULL,
	"platform" text NOT NULL,
	"link" text,
	"description" text NOT NULL,
	"county_code" text,
	"status" text NOT NULL,
	"identity_sealed" text,
	"cluster_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closed_by_name" text,
	"feedback" text,
	"feedback_articles" text[],
	CONSTRAINT "public_report_code_digest_unique" UNIQUE("code_digest")
);
--> statement-breakpoint
CREATE TABLE "public_report_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_report_evidence" ADD CONSTRAINT "public_report_evidence_report_id_public_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."public_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_report_status_idx" ON "public_report" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "public_report_cluster_idx" ON "public_report" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "public_report_evidence_report_idx" ON "public_report_evidence" USING btree ("report_id","position");