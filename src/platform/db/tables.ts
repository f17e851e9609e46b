// Row types of the platform tables, as Kysely sees them. Modules add their own table types beside their repo.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type TenantSettings = {
  shortName?: string;
  colours?: { primary: string; primaryText: string };
  logo?: string;
  contact?: { address: string; phone: string; email: string; hours?: string };
  imprint?: string;
  privacy?: string;
  /** The town's own texts in English (imprint, privacy notice); without them English pages show the German text. */
  translations?: { en?: { imprint?: string; privacy?: string } };
  /** The accessibility statement (BITV 2.0): what conforms, what does not and why, how it was checked, whom to tell. */
  accessibilityStatement?: AccessibilityStatement;
  languages?: string[];
  modules?: string[];
  /** The town treasury's account (Stadtkasse) that notices name for payments by transfer. */
  cashAccount?: { bank: string; iban: string; bic: string };
  /** The Amtlicher Regionalschlüssel (12 digits): the town's area in XZuFi responsibilities. */
  regionalKey?: string;
  /** The town's editorial office in the Portalverbund: schemeAgencyID of its XZuFi objects (default rathaus-{slug}). */
  xzufiAgency?: string;
  /** The town's outline and villages: the offline base layer of every map. */
  geo?: TownGeo;
};

export type AccessibilityStatement = {
  status: 'full' | 'partial' | 'none';
  gaps: { content: string; reason: string; alternative: string }[];
  /** When and how the evaluation was made (YYYY-MM-DD, and e.g. "Selbstbewertung mit axe-core und Prüfung mit Screenreader"). */
  evaluatedOn: string;
  method: string;
  /** The unit (short name) that receives feedback as a case. */
  unit: string;
  /** The enforcement procedure: where to turn when feedback is not answered satisfactorily. */
  enforcement: string;
};

export type TownGeo = {
  boundary: [number, number][];
  localities: { name: string; lat: number; lng: number }[];
  /** The river and main roads, so a place can be recognised on the offline map without tiles. */
  lines?: { name: string; kind: 'river' | 'road'; points: [number, number][] }[];
  /** The street directory: suggestions for addresses, address search on maps. */
  streets?: { name: string; locality: string; postalCode: string; city: string; lat: number; lng: number }[];
  /** Neighbouring towns (centre points), to name who is responsible for a place just outside the boundary. */
  neighbours?: { name: string; lat: number; lng: number }[];
};

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  hosts: ColumnType<string[], string[] | undefined, string[]>;
  settings: Json<TenantSettings>;
  created_at: CreatedAt;
}

export interface UnitTable {
  id: Generated<string>;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  created_at: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'staff' | 'citizen' | 'business';
  email: string | null;
  display_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  platform_admin: Generated<boolean>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  claims: Json<Record<string, unknown>> | null;
  trust_level: string | null;
  created_at: CreatedAt;
  last_login_at: Timestamp | null;
}

export interface LoginThrottleTable {
  tenant_id: string;
  account_key: string;
  failures: Generated<number>;
  blocked_until: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface UnitMembershipTable {
  tenant_id: string;
  user_id: string;
  unit_id: string;
  role: 'clerk' | 'unit_lead' | 'editor' | 'cdo' | 'tenant_admin';
}

export interface SessionTable {
  id_hash: string;
  tenant_id: string;
  user_id: string | null;
  data: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface PasswordResetTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The last verified position of the audit chain, signed so it cannot be moved past a changed row unnoticed. */
export interface AuditCheckpointTable {
  id: ColumnType<number, number | undefined, never>;
  chain_pos: number;
  hash: string;
  verified_at: Timestamp;
  signature: string;
}

/** A run of the audit chain verification: the full walk (scheduled, CLI) or the check of the newest entries. */
export interface AuditVerificationTable {
  id: Generated<number>;
  kind: 'full' | 'recent';
  started_at: Generated<Date>;
  finished_at: Timestamp | null;
  checked: Generated<number>;
  total: Generated<number>;
  ok: boolean | null;
  broken_at: number | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  tenant_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: Json<Record<string, unknown>>;
  request_id: string | null;
  /** Set when the row is sealed at commit (see the migration audit_seal_at_commit). */
  prev_hash: ColumnType<string | null, never, never>;
  hash: ColumnType<string | null, never, never>;
  chain_pos: ColumnType<number | null, never, never>;
  /** The canonical JSON the hash covers; written by the application, cleared when sealed. */
  chain_body: ColumnType<string | null, string, never>;
}

export interface JobTable {
  id: Generated<string>;
  tenant_id: string | null;
  name: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_at: Timestamp | null;
  locked_by: string | null;
  lease_until: Timestamp | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface JobScheduleTable {
  id: Generated<string>;
  tenant_id: string | null;
  job_name: string;
  cron: string;
  payload: Json<Record<string, unknown>>;
  next_run_at: Timestamp;
}

export interface MailMessageTable {
  id: Generated<string>;
  tenant_id: string;
  recipient: string;
  subject: string;
  body_text: string;
  status: Generated<'queued' | 'sent' | 'captured' | 'failed'>;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface StoredFileTable {
  id: Generated<string>;
  tenant_id: string;
  content_hash: string;
  size_bytes: number;
  media_type: string;
  original_name: string;
  created_at: CreatedAt;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface PlatformSecretTable {
  name: string;
  value: string;
  created_at: CreatedAt;
}

export interface Tables {
  platform_secret: PlatformSecretTable;
  tenant: TenantTable;
  unit: UnitTable;
  app_user: AppUserTable;
  unit_membership: UnitMembershipTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  password_reset: PasswordResetTable;
  audit_log: AuditLogTable;
  audit_checkpoint: AuditCheckpointTable;
  audit_verification: AuditVerificationTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  mail_message: MailMessageTable;
  stored_file: StoredFileTable;
  schema_migration: SchemaMigrationTable;
}
