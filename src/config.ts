// The one typed configuration of Rathaus, read from the environment. This is the only file that reads process.env.
import { resolve } from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error in ${variable}: ${detail}`);
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(' or ')}`,
  );

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:', 'memory:']).optional(),
  STORAGE_URL: url(['file:', 's3:', 'http:', 'https:']).optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_REGION: z.string().default('eu-central-1'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  FILE_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
  CLAMD_HOST: z.string().min(1).optional(),
  PAYMENT_PROVIDER: z.enum(['demo', 'pmpayment']).default('demo'),
  PMPAYMENT_URL: url(['http:', 'https:']).optional(),
  PMPAYMENT_AGS: z
    .string()
    .regex(/^\d{8}$/, 'the 8-digit Amtlicher Gemeindeschlüssel')
    .optional(),
  PMPAYMENT_PROCEDURE: z.string().min(1).optional(),
  PMPAYMENT_SECRET: z.string().min(8).optional(),
  FORM_DRAFT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CLAMD_PORT: z.coerce.number().int().positive().max(65535).default(3310),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().email().default('rathaus@localhost'),
  OIDC_ISSUER: url(['http:', 'https:']).optional(),
  OIDC_CLIENT_ID: z.string().default('rathaus-portal'),
  OIDC_CLIENT_SECRET: z.string().default('demo-secret-change-me'),
  OIDC_CLAIM_TRUST_LEVEL: z.string().default('acr'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  DEFAULT_TENANT: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('hennef'),
  JOB_POLL_MS: z.coerce.number().int().positive().default(1000),
  JOB_LEASE_SECONDS: z.coerce.number().int().positive().default(120),
  LOGIN_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_DELAY_MINUTES: z.coerce.number().int().positive().default(15),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F:./]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:./]+))*)$/,
      'a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges',
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters (openssl rand -hex 16)').optional(),
  METRICS_ALLOW: z
    .string()
    .regex(/^[0-9a-fA-F:./]+(\s*,\s*[0-9a-fA-F:./]+)*$/, 'a comma-separated list of addresses or CIDR ranges (e.g. 10.0.5.0/24)')
    .default('127.0.0.1,::1'),
  DEMO_MODE: z.enum(['true', 'false']).optional(),
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'must be an http(s) URL template with {z}, {x} and {y}')
    .optional(),
  CHECK_EXTERNAL_LINKS: z.enum(['true', 'false']).default('false'),
  HANDOVER_DROP_DIR: z.string().min(1).optional(),
});

export type Config = {
  port: number;
  host: string;
  baseUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  storage: { kind: 'local'; dir: string } | { kind: 's3'; endpoint: string; accessKeyId: string; secretAccessKey: string; region: string };
  uploadMaxBytes: number;
  /** AES-256-GCM key for files at rest; without it a key is made once and kept in the database. */
  fileEncryptionKey: Buffer | undefined;
  /** ClamAV daemon for scanning uploads; without it uploads are type-checked only. */
  clamd: { host: string; port: number } | undefined;
  /** The payment provider: the embedded demo, or pmPayment with its procedure and secret. */
  payment: { provider: 'demo' } | { provider: 'pmpayment'; url: string; ags: string; procedure: string; secret: string };
  /** Days an unfinished application is kept before it is deleted. */
  formDraftDays: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: { issuer: string | undefined; clientId: string; clientSecret: string; trustLevelClaim: string };
  logLevel: (typeof logLevels)[number];
  /** pretty: short lines, no line per request (a terminal); json: one object per line (a collector); auto: by whether stdout is a terminal. */
  logFormat: 'pretty' | 'json';
  sessionSecret: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  defaultTenant: string;
  jobPollMs: number;
  /** How long a running job stays claimed without its process renewing the claim (it renews every third of it). */
  jobLeaseSeconds: number;
  /** Failed logins per e-mail address before each further one doubles the wait (from 30 seconds up to the maximum). */
  loginFreeFailures: number;
  loginMaxDelayMinutes: number;
  /** Which proxies may name the client in X-Forwarded-For: none by default, a hop count, or their addresses. */
  trustProxy: number | string[] | false;
  /** Who may read /metrics: callers from these addresses/ranges, or anyone presenting the bearer token. */
  metrics: { token: string | undefined; allow: string[] };
  demoMode: boolean;
  /** Raster tile template for maps; without it maps show the built-in offline base layer only. */
  mapTileUrl: string | undefined;
  /** Whether the freshness report requests external links (off for offline installations and tests). */
  checkExternalLinks: boolean;
  /** Where file-drop consumers (legacy specialist software) find their deliveries, one folder per consumer. */
  handoverDropDir: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: e.BASE_URL?.replace(/\/$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    storage: storageConfig(e, dataDir),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    fileEncryptionKey: e.FILE_ENCRYPTION_KEY ? Buffer.from(e.FILE_ENCRYPTION_KEY, 'base64') : undefined,
    clamd: e.CLAMD_HOST ? { host: e.CLAMD_HOST, port: e.CLAMD_PORT } : undefined,
    formDraftDays: e.FORM_DRAFT_DAYS,
    payment: paymentConfig(e),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      trustLevelClaim: e.OIDC_CLAIM_TRUST_LEVEL,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT === 'auto' ? (process.stdout.isTTY ? 'pretty' : 'json') : e.LOG_FORMAT,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    defaultTenant: e.DEFAULT_TENANT,
    jobPollMs: e.JOB_POLL_MS,
    jobLeaseSeconds: e.JOB_LEASE_SECONDS,
    loginFreeFailures: e.LOGIN_FREE_FAILURES,
    loginMaxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES,
    trustProxy: trustProxyConfig(e.TRUST_PROXY),
    metrics: { token: e.METRICS_TOKEN, allow: e.METRICS_ALLOW.split(',').map((entry) => entry.trim()) },
    demoMode: e.DEMO_MODE ? e.DEMO_MODE === 'true' : !e.SMTP_URL,
    mapTileUrl: e.MAP_TILE_URL,
    checkExternalLinks: e.CHECK_EXTERNAL_LINKS === 'true',
    handoverDropDir: resolve(e.HANDOVER_DROP_DIR ?? resolve(dataDir, 'uebergabe')),
  };
}

function trustProxyConfig(value: string | undefined): Config['trustProxy'] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

function paymentConfig(e: z.infer<typeof schema>): Config['payment'] {
  if (e.PAYMENT_PROVIDER === 'demo') return { provider: 'demo' };
  for (const name of ['PMPAYMENT_URL', 'PMPAYMENT_AGS', 'PMPAYMENT_PROCEDURE', 'PMPAYMENT_SECRET'] as const) {
    if (!e[name]) throw new ConfigError(name, 'required when PAYMENT_PROVIDER=pmpayment');
  }
  return {
    provider: 'pmpayment',
    url: e.PMPAYMENT_URL!,
    ags: e.PMPAYMENT_AGS!,
    procedure: e.PMPAYMENT_PROCEDURE!,
    secret: e.PMPAYMENT_SECRET!,
  };
}

function storageConfig(e: z.infer<typeof schema>, dataDir: string): Config['storage'] {
  if (!e.STORAGE_URL || e.STORAGE_URL.startsWith('file:')) {
    return { kind: 'local', dir: e.STORAGE_URL ? new URL(e.STORAGE_URL).pathname : resolve(dataDir, 'files') };
  }
  if (!e.S3_ACCESS_KEY_ID) throw new ConfigError('S3_ACCESS_KEY_ID', 'required when STORAGE_URL points to S3');
  if (!e.S3_SECRET_ACCESS_KEY) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'required when STORAGE_URL points to S3');
  const endpoint = e.STORAGE_URL.replace(/^s3:/, 'https:');
  return { kind: 's3', endpoint, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, region: e.S3_REGION };
}
