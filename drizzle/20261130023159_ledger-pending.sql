CREATE TABLE "ledger_pending" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ledger_pending_order_idx" ON "ledger_pending" USING btree ("recorded_at","entry_id");--> statement-breakpoint
-- Hand-written below. Every entry waits in ledger_pending until the sequencer gives it its index. The queue is
-- filled here, by the database, whoever inserts the entry, in the entry's own transaction; one statement-level
-- trigger per INSERT, so a batch of entries costs one queue insert.
CREATE FUNCTION qinglang_ledger_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_pending (entry_id, recorded_at) SELECT id, recorded_at FROM new_entries;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_enqueue AFTER INSERT ON ledger_entry
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_ledger_enqueue();
--> statement-breakpoint
-- An entry leaves the queue only once it has its place in the log (the sequencer deletes it in the transaction
-- that inserts its ledger_sequence row); any other delete is refused, and so are UPDATE and TRUNCATE.
CREATE FUNCTION qinglang_ledger_dequeue_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_pending o
             WHERE NOT EXISTS (SELECT 1 FROM ledger_sequence s WHERE s.entry_id = o.entry_id)) THEN
    RAISE EXCEPTION 'the ledger queue gives up an entry only once it is sequenced: % on % is refused',
      TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_pending_sequenced_only AFTER DELETE ON ledger_pending
  REFERENCING OLD TABLE AS old_pending
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_ledger_dequeue_check();
--> statement-breakpoint
CREATE TRIGGER ledger_pending_no_update BEFORE UPDATE ON ledger_pending
  FOR EACH ROW EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_pending_no_truncate BEFORE TRUNCATE ON ledger_pending
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
-- Entries written before this migration and not yet sequenced join the queue.
INSERT INTO ledger_pending (entry_id, recorded_at)
  SELECT e.id, e.recorded_at FROM ledger_entry e
  WHERE NOT EXISTS (SELECT 1 FROM ledger_sequence s WHERE s.entry_id = e.id);
