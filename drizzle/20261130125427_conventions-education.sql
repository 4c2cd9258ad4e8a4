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
ALTER TABLE "convention_signature" ADD CONSTRAINT "convention_signature_convention_id_convention_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."convention"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_article" ADD CONSTRAINT "education_article_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "convention_published_idx" ON "convention" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "education_article_published_idx" ON "education_article" USING btree ("published_at");