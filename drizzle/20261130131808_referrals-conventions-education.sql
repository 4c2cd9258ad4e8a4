CREATE TABLE "received_convention" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_node" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"text_sha256" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by_name" text
);
--> statement-breakpoint
CREATE TABLE "convention" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"text_sha256" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_name" text NOT NULL,
	"sent_to" text[] NOT NULL,
	CONSTRAINT "convention_key_version_uq" UNIQUE("key","version")
);
--> statement-breakpoint
CREATE TABLE "convention_signature" (
	"convention_id" uuid NOT NULL,
	"platform_node_id" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signed_by_name" text NOT NULL,
	"envelope_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "convention_signature_convention_id_platform_node_id_pk" PRIMARY KEY("convention_id","platform_node_id")
);
--> statement-breakpoint
CREATE TABLE "education_article" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"summary_zh" text NOT NULL,
	"summary_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_individual" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"label" text NOT NULL,
	"identity_sealed" text NOT NULL,
	"county_code" text,
	"conduct" text NOT NULL,
	"outcome" text,
	"law_ids" text[] NOT NULL,
	"competent_organ" text,
	"outcome_note" text,
	"referral_id" uuid,
	"outcome_at" timestamp with time zone,
	"outcome_by_name" text,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"referring_organisation_id" uuid NOT NULL,
	"receiving_organisation_id" uuid NOT NULL,
	"party_organisation_ids" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"materials" jsonb NOT NULL,
	"status" text NOT NULL,
	"steps" jsonb NOT NULL,
	"addressee_organisation_id" uuid,
	"addressee_name" text,
	"due_clock" text,
	"due_on" text,
	"due_at" timestamp with time zone,
	"overdue_flagged" text[] NOT NULL,
	"late_clocks" text[] NOT NULL,
	"outcome" text,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_name" text NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "referral_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "convention_signature" ADD CONSTRAINT "convention_signature_convention_id_convention_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."convention"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_article" ADD CONSTRAINT "education_article_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_individual" ADD CONSTRAINT "case_individual_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_individual" ADD CONSTRAINT "case_individual_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_case_id_case_file_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_referring_organisation_id_organisation_id_fk" FOREIGN KEY ("referring_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_receiving_organisation_id_organisation_id_fk" FOREIGN KEY ("receiving_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_addressee_organisation_id_organisation_id_fk" FOREIGN KEY ("addressee_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "convention_published_idx" ON "convention" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "education_article_published_idx" ON "education_article" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "case_individual_case_idx" ON "case_individual" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referral_case_idx" ON "referral" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referral_due_idx" ON "referral" USING btree ("due_at");