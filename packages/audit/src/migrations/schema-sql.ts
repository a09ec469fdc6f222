/**
 * SQL of the audit schema. Kept apart from the runner so the text can be
 * read (and reviewed) as one piece.
 */

/** Which physical layout `audit_logs` gets. */
export type AuditPartitioning = 'none' | 'monthly';

const COLUMNS = `
  seq bigint NOT NULL CHECK (seq > 0),
  created_at timestamptz NOT NULL,
  event_type text NOT NULL,
  actor_id text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('agent', 'bot', 'human', 'system')),
  target_id text,
  target_type text,
  ip_address text,
  metadata json,
  prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
  hash bytea NOT NULL CHECK (octet_length(hash) = 32)`;

/** Rejects every change to a stored audit row (and to the chain head, except moving it forward). */
const GUARD_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % rejected', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'audit rows can only be inserted; archive by exporting and detaching partitions';
END
$fn$`,
  `CREATE OR REPLACE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_seq >= OLD.last_seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward: % rejected', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$`,
];

const HEAD_TABLE = [
  `CREATE TABLE IF NOT EXISTS audit_chain_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL CHECK (last_seq >= 0),
  last_hash bytea NOT NULL CHECK (octet_length(last_hash) = 32),
  last_created_at timestamptz
)`,
  `INSERT INTO audit_chain_head (id, last_seq, last_hash)
  VALUES (1, 0, decode(repeat('00', 32), 'hex')) ON CONFLICT (id) DO NOTHING`,
  'DROP TRIGGER IF EXISTS audit_chain_head_guard ON audit_chain_head',
  `CREATE TRIGGER audit_chain_head_guard BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only()`,
  'DROP TRIGGER IF EXISTS audit_chain_head_no_truncate ON audit_chain_head',
  `CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only()`,
];

/** Indexes serving `query()` (newest first, keyset on (created_at, seq)). */
const INDEXES = [
  'CREATE INDEX IF NOT EXISTS audit_logs_created_idx ON audit_logs (created_at, seq)',
  'CREATE INDEX IF NOT EXISTS audit_logs_event_type_idx ON audit_logs (event_type, created_at, seq)',
  'CREATE INDEX IF NOT EXISTS audit_logs_actor_idx ON audit_logs (actor_id, created_at, seq)',
  `CREATE INDEX IF NOT EXISTS audit_logs_target_idx ON audit_logs (target_id, created_at, seq)
  WHERE target_id IS NOT NULL`,
];

const TABLE_TRIGGERS = [
  'DROP TRIGGER IF EXISTS audit_logs_no_update_delete ON audit_logs',
  // A row trigger on a partitioned table is cloned onto every partition.
  `CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`,
  'DROP TRIGGER IF EXISTS audit_logs_no_truncate ON audit_logs',
  `CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`,
];

/**
 * Creates one monthly partition (UTC month bounds) per month from
 * `first_month`, with its own TRUNCATE guard: statement triggers are not
 * inherited, and `TRUNCATE audit_logs_p202611` would otherwise bypass the parent's.
 */
const ENSURE_PARTITIONS_FUNCTION = `CREATE OR REPLACE FUNCTION audit_logs_ensure_partitions(first_month date, months integer)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  m timestamp;
  part text;
  created integer := 0;
BEGIN
  FOR i IN 0 .. months - 1 LOOP
    m := date_trunc('month', first_month::timestamp) + make_interval(months => i);
    part := 'audit_logs_p' || to_char(m, 'YYYYMM');
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF audit_logs FOR VALUES FROM (%L) TO (%L)',
        part, (m AT TIME ZONE 'UTC'), ((m + interval '1 month') AT TIME ZONE 'UTC'));
      EXECUTE format('CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON %I
        FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()', part);
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$fn$`;

/** What {@link upStatements} builds. */
export type UpStatementsOptions = {
  /** Table layout. */
  readonly partitioning: AuditPartitioning;
  /** First monthly partition (`YYYY-MM-01`), monthly layout only. */
  readonly firstMonth: string;
  /** How many monthly partitions to create up front. */
  readonly months: number;
  /**
   * Create the first partitions (only when the step creates the table: a
   * re-run must not create one over rows already held by DEFAULT for its
   * month, which PostgreSQL refuses; later months come from `ensureAuditPartitions()`).
   */
  readonly createPartitions: boolean;
};

/**
 * Statements of the `up` step.
 *
 * @param options - see {@link UpStatementsOptions}
 * @returns the statements, in order
 */
export function upStatements(options: UpStatementsOptions): readonly string[] {
  const { partitioning, firstMonth, months } = options;
  const table =
    partitioning === 'monthly'
      ? [
          // The partition key must be part of every unique index; the chain
          // lock keeps seq unique and verify() reports any duplicate.
          `CREATE TABLE IF NOT EXISTS audit_logs (${COLUMNS},
  PRIMARY KEY (seq, created_at)
) PARTITION BY RANGE (created_at)`,
          ENSURE_PARTITIONS_FUNCTION,
          'CREATE TABLE IF NOT EXISTS audit_logs_default PARTITION OF audit_logs DEFAULT',
          'DROP TRIGGER IF EXISTS audit_logs_no_truncate ON audit_logs_default',
          `CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs_default
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only()`,
        ]
      : [`CREATE TABLE IF NOT EXISTS audit_logs (${COLUMNS},\n  PRIMARY KEY (seq)\n)`];
  const partitions =
    partitioning === 'monthly' && options.createPartitions
      ? [`SELECT audit_logs_ensure_partitions('${firstMonth}'::date, ${months})`]
      : [];
  return [
    ...GUARD_FUNCTIONS,
    ...table,
    ...TABLE_TRIGGERS,
    ...partitions,
    ...INDEXES,
    ...HEAD_TABLE,
  ];
}

/** Statements of the `down` step (drops the trail: export it first). */
export const DOWN_STATEMENTS: readonly string[] = [
  'DROP TABLE IF EXISTS audit_logs CASCADE',
  'DROP TABLE IF EXISTS audit_chain_head',
  'DROP FUNCTION IF EXISTS audit_logs_ensure_partitions(date, integer)',
  'DROP FUNCTION IF EXISTS audit_chain_head_forward_only()',
  'DROP FUNCTION IF EXISTS audit_logs_append_only()',
];
