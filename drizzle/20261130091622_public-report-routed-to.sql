ALTER TABLE "public_report" ADD COLUMN "routed_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "public_report" ADD COLUMN "case_id" uuid;