/**
 * SQL of step 0002: the chain head and the rows move together, or not at all.
 *
 * Step 0001 let the application role (which must INSERT rows and UPDATE the
 * head) insert a row past the head without moving it, which wedged every
 * later write, or move the head forward over nothing, which raised a false
 * tamper alarm. These two guards run at the end of each statement (AFTER
 * triggers see the whole statement, including the writer's data-modifying
 * CTEs), so the one-statement append passes and nothing else does:
 *
 * - rows can only be inserted as the tail the same statement moved the head to;
 * - the head only moves forward onto rows that are all present, the last one
 *   carrying the head's hash and time, and a skip marker among them may only
 *   skip rows that were past the old head.
 *
 * A non-owner, non-superuser role cannot disable either (ALTER TABLE needs
 * ownership, `session_replication_role` needs superuser). Owners and
 * superusers can: only anchored checkpoints catch what they do.
 */

/** Event type of the row the writer appends when it skips rows past the head it could not verify. */
export const TAIL_SKIPPED_EVENT = 'AUDIT_TAIL_SKIPPED';

const INSERT_GUARD = `CREATE OR REPLACE FUNCTION audit_logs_insert_at_head() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  n bigint;
  lo bigint;
  hi bigint;
  head_seq bigint;
  present bigint;
BEGIN
  SELECT count(*), min(seq), max(seq) INTO n, lo, hi FROM audit_new_rows;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  SELECT last_seq INTO head_seq FROM audit_chain_head WHERE id = 1;
  SELECT count(*) INTO present FROM audit_logs WHERE seq BETWEEN lo AND hi;
  IF head_seq IS NULL OR hi <> head_seq OR lo <> head_seq - n + 1 OR present <> n THEN
    RAISE EXCEPTION 'audit_logs rows are appended only together with the chain head'
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'write audit rows with @clawexchange/audit; a row past the head is refused';
  END IF;
  RETURN NULL;
END
$fn$`;

const HEAD_GUARD = `CREATE OR REPLACE FUNCTION audit_chain_head_moves_by_append() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  moved bigint;
  last_ok boolean;
  bad_marker boolean;
BEGIN
  IF NEW.last_seq = 0 AND NEW.last_hash = decode(repeat('00', 32), 'hex') THEN
    RETURN NULL;
  END IF;
  -- One scan of the rows the head moves over (in the monthly layout every lookup by seq
  -- visits each partition, so one scan instead of three): how many, whether the last one
  -- carries the head's hash and time, and whether a skip marker among them skips wrongly.
  SELECT count(*),
    coalesce(bool_or(seq = NEW.last_seq AND hash = NEW.last_hash
      AND created_at IS NOT DISTINCT FROM NEW.last_created_at), false),
    coalesce(bool_or(event_type = '${TAIL_SKIPPED_EVENT}'
      AND (metadata->>'skippedFrom') IS DISTINCT FROM (OLD.last_seq + 1)::text), false)
  INTO moved, last_ok, bad_marker
  FROM audit_logs WHERE seq > OLD.last_seq AND seq <= NEW.last_seq;
  IF NEW.last_seq = OLD.last_seq THEN
    -- A head that stays put moves over nothing: the row it names must still match it.
    last_ok := EXISTS (SELECT 1 FROM audit_logs WHERE seq = NEW.last_seq AND hash = NEW.last_hash
      AND created_at IS NOT DISTINCT FROM NEW.last_created_at);
  END IF;
  IF NEW.last_seq < OLD.last_seq OR moved <> NEW.last_seq - OLD.last_seq OR NOT last_ok
    OR bad_marker
  THEN
    RAISE EXCEPTION 'audit_chain_head only moves onto appended rows'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$fn$`;

/** Statements that install the guards (idempotent). */
export const APPEND_GUARD_STATEMENTS: readonly string[] = [
  INSERT_GUARD,
  HEAD_GUARD,
  'DROP TRIGGER IF EXISTS audit_logs_append_at_head ON audit_logs',
  // A statement trigger with a transition table on the parent covers every partition.
  `CREATE TRIGGER audit_logs_append_at_head AFTER INSERT ON audit_logs
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_insert_at_head()`,
  'DROP TRIGGER IF EXISTS audit_chain_head_append_only ON audit_chain_head',
  `CREATE TRIGGER audit_chain_head_append_only AFTER UPDATE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_moves_by_append()`,
];

/** Statements that remove them (step 0002 `down`). */
export const APPEND_GUARD_DOWN_STATEMENTS: readonly string[] = [
  'DROP TRIGGER IF EXISTS audit_logs_append_at_head ON audit_logs',
  'DROP TRIGGER IF EXISTS audit_chain_head_append_only ON audit_chain_head',
  'DROP FUNCTION IF EXISTS audit_logs_insert_at_head()',
  'DROP FUNCTION IF EXISTS audit_chain_head_moves_by_append()',
];
