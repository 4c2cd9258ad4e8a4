-- The ledger is append-only: the database itself refuses to change or remove what was recorded.
CREATE OR REPLACE FUNCTION qinglang_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_sequence_append_only BEFORE UPDATE OR DELETE ON ledger_sequence
  FOR EACH ROW EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_sequence_no_truncate BEFORE TRUNCATE ON ledger_sequence
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoint
  FOR EACH ROW EXECUTE FUNCTION qinglang_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON ledger_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION qinglang_refuse_change();
