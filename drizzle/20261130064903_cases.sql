CREATE TABLE "case_consultation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"participant_ids" uuid[] NOT NULL,
	"conclusions" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_department" (
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_name" text NOT NULL,
	CONSTRAINT "case_department_case_id_organisation_id_pk" PRIMARY KEY("case_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"county_code" text,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by_name" text NOT NULL,
	"deadline_days" integer,
	"deadline_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"escalated" boolean DEFAULT false NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalation_reason" text,
	"public_report_ids" uuid[] NOT NULL,
	"clarification_ids" uuid[] NOT NULL,
	"platform_report_ids" uuid[] NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"conclusion" text,
	"conclusion_articles" text[],
	CONSTRAINT "case_file_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "routing_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"county_code" text,
	"organisation_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_name" text NOT NULL,
	CONSTRAINT "routing_rule_category_county_uq" UNIQUE NULLS NOT DISTINCT("category","county_code")
);
--> statement-breakpoint
CREATE TABLE "working_day_override" (
	"date" text PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"note" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_consultation" ADD CONSTRAINT "case_consultation_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_department" ADD CONSTRAINT "case_department_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_department" ADD CONSTRAINT "case_department_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_lead_organisation_id_organisation_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule" ADD CONSTRAINT "routing_rule_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_consultation_case_idx" ON "case_consultation" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE INDEX "case_department_org_idx" ON "case_department" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "case_file_status_idx" ON "case_file" USING btree ("status","opened_at");--> statement-breakpoint
CREATE INDEX "case_file_deadline_idx" ON "case_file" USING btree ("deadline_at");