CREATE INDEX "revisions_report_item_id" ON "revisions" USING btree ("report_id","item_type","item_id","id");--> statement-breakpoint
CREATE INDEX "revisions_report_created_id" ON "revisions" USING btree ("report_id","created_at","id");--> statement-breakpoint
CREATE INDEX "revisions_report_item_key" ON "revisions" USING btree ("report_id","item_type","item_key","id");--> statement-breakpoint
CREATE INDEX "revisions_report_first" ON "revisions" USING btree ("report_id","item_type","item_id") WHERE "revisions"."revision_no" = 1;