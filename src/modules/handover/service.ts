// Use cases of the hand-over: queue a received submission for every consumer that takes its service (outbox),
// pull by API key, idempotent acknowledgement, and pushes with a signature, retries with backoff and an alert
// after repeated failure. The delivery id is the idempotency key, so a retry never creates a second case.
import { handoverText } from './texts.js';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { listRoleHolders } from '../../platform/auth/users-repo.js';
import { queueMail } from '../../platform/mail/mailer.js';
import type { BlobStore } from '../../platform/storage/storage.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import { buildPackage, type PackageInput } from './package.js';
import { consumersFor, duePushes, insertConsumer, insertDelivery, recordPush } from './repo.js';

export const ALERT_AFTER = 5;
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createConsumer(
  db: Db,
  values: { tenantId: string; name: string; services: string[]; pushUrl?: string; dropFolder?: string },
) {
  const key = `rh_${randomBytes(24).toString('base64url')}`;
  const secret = values.pushUrl ? randomBytes(24).toString('base64url') : null;
  const consumer = await insertConsumer(db, {
    tenant_id: values.tenantId,
    name: values.name,
    key_hash: keyHash(key),
    services: values.services,
    push_url: values.pushUrl ?? null,
    push_secret: secret,
    drop_folder: values.dropFolder ?? null,
  });
  return { consumer, key, secret };
}

export type HandoverInput = Omit<PackageInput, 'attachments'> & {
  tenantId: string;
  attachments: { id: string; name: string; type: string }[];
};

export async function queueHandover(db: Db, store: BlobStore, input: HandoverInput) {
  const consumers = await consumersFor(db, input.tenantId, input.service);
  if (consumers.length === 0) return 0;
  const attachments = await Promise.all(
    input.attachments.map(async (attachment) => {
      const file = await findStoredFile(db, input.tenantId, attachment.id);
      return { ...attachment, bytes: file ? await store.get(file.content_hash) : Buffer.alloc(0) };
    }),
  );
  const handoverPackage = buildPackage({ ...input, attachments });
  for (const consumer of consumers) {
    await insertDelivery(db, {
      tenant_id: input.tenantId,
      consumer_id: consumer.id,
      submission_id: input.submissionId,
      service: input.service,
      package: handoverPackage,
      push: Boolean(consumer.push_url),
      drop: Boolean(consumer.drop_folder),
    });
  }
  return consumers.length;
}

/** Failed attempts wait 2^n minutes, at most 6 hours. */
export const retryAt = (now: Date, attempts: number) => new Date(now.getTime() + Math.min(2 ** attempts, 360) * 60_000);

/** After ALERT_AFTER failed attempts the tenant's administrators get one alert mail; the retries go on. */
export async function alertAfterFailures(
  db: Db,
  failure: { tenantId: string; consumer: string; submissionId: string; attempts: number; error: string },
) {
  if (failure.attempts !== ALERT_AFTER) return;
  const t = handoverText('de');
  for (const admin of await listRoleHolders(db, failure.tenantId, 'tenant_admin')) {
    if (admin.email)
      await queueMail(db, {
        tenantId: failure.tenantId,
        to: admin.email,
        subject: t('alert.subject', { consumer: failure.consumer }),
        text: t('alert.body', {
          submission: failure.submissionId,
          consumer: failure.consumer,
          attempts: failure.attempts,
          error: failure.error,
        }),
      });
  }
}

export const signature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Delivers due pushes: 2xx is delivered; anything else waits and tries again, with an alert after repeated failure. */
export async function pushDue(db: Db, now = new Date()): Promise<number> {
  let delivered = 0;
  for (const due of await duePushes(db, now)) {
    const body = JSON.stringify(due.package);
    const answer = await fetch(due.push_url!, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': due.id,
        'x-rathaus-signature': signature(due.push_secret ?? '', body),
      },
      signal: AbortSignal.timeout(10_000),
    }).then(
      (response) => ({ ok: response.ok, error: `HTTP ${response.status}` }),
      (error: Error) => ({ ok: false, error: error.message }),
    );
    if (answer.ok) {
      await recordPush(db, due.id, { delivered: true });
      delivered++;
      continue;
    }
    const attempts = due.push_attempts + 1;
    await recordPush(db, due.id, { delivered: false, error: answer.error, attempts, nextAt: retryAt(now, attempts) });
    await alertAfterFailures(db, {
      tenantId: due.tenant_id,
      consumer: due.name,
      submissionId: due.submission_id,
      attempts,
      error: answer.error,
    });
  }
  return delivered;
}
