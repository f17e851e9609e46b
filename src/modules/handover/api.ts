// The pull API for specialist software: `Authorization: Bearer <key>` per consumer; list what is new, fetch a
// package and its attachments, acknowledge (idempotent). Another consumer's or an unknown submission is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/audit-log.js';
import { inTransaction, type Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/http/deps.js';
import { sendStoredFile } from '../../platform/storage/download.js';
import { findStoredFile } from '../../platform/storage/storage.js';
import { acknowledge, findConsumerByKey, findDelivery, markFetched, pendingDeliveries, type ConsumerRow } from './repo.js';
import { keyHash } from './service.js';
import { routes } from '../../platform/http/route.js';
import { recordParams } from '../../platform/validation/rules.js';
import { handoverPolicy } from './policy.js';
import { attachmentParams } from './schema.js';

const BASE = '/api/handover/v1/submissions';
/** Machine access: the consumer's key is checked by `consumerOf`; no browser session, so no CSRF token. */
const api = { access: handoverPolicy.fetch, config: { csrf: false, tenantless: true } };

async function consumerOf(deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<ConsumerRow | undefined> {
  const match = /^Bearer (rh_[A-Za-z0-9_-]{20,64})$/.exec(String(request.headers.authorization ?? ''));
  const consumer = match ? await findConsumerByKey(deps.db, keyHash(match[1]!)) : undefined;
  if (!consumer) void reply.status(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
  return consumer;
}

/** A consumer fetching or acknowledging a submission is a disclosure of personal data: audited under its name. */
function audited(db: Db, found: { consumer: ConsumerRow; row: { tenant_id: string; submission_id: string } }, action: string) {
  return recordAudit(db, {
    tenantId: found.row.tenant_id,
    actorId: null,
    actorLabel: `consumer:${found.consumer.name}`,
    action,
    objectType: 'submission',
    objectId: found.row.submission_id,
  });
}

export function registerHandoverApi(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const route = routes(app, db);
  const delivery = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const consumer = await consumerOf(deps, request, reply);
    if (!consumer) return undefined;
    const row = await findDelivery(db, consumer.id, id);
    if (!row) void reply.status(404).send({ error: 'not found' });
    return row && { consumer, row };
  };

  route.get(BASE, api, async ({ request, reply }) => {
    const consumer = await consumerOf(deps, request, reply);
    if (!consumer) return reply;
    const rows = await pendingDeliveries(db, consumer.id);
    return reply.header('cache-control', 'no-store').send({
      submissions: rows.map((row) => ({
        submissionId: row.submission_id,
        service: row.service,
        state: row.state,
        receivedAt: row.created_at.toISOString(),
        href: `${BASE}/${row.submission_id}`,
      })),
    });
  });

  route.get(`${BASE}/:id`, { ...api, params: recordParams }, async ({ request, reply, params }) => {
    const found = await delivery(request, reply, params.id);
    if (!found) return reply;
    await inTransaction(db, async (trx) => {
      await markFetched(trx, found.row.id);
      await audited(trx, found, 'handover.fetched');
    });
    return reply.header('cache-control', 'no-store').header('idempotency-key', found.row.id).send(found.row.package);
  });

  route.get(`${BASE}/:id/attachments/:attachment`, { ...api, params: attachmentParams }, async ({ request, reply, params }) => {
    const found = await delivery(request, reply, params.id);
    if (!found) return reply;
    const wanted = params.attachment;
    const listed = (
      found.row.package.metadata as { contentStructure: { attachments: { attachmentId: string }[] } }
    ).contentStructure.attachments.some((attachment) => attachment.attachmentId === wanted);
    const file = listed ? await findStoredFile(db, found.row.tenant_id, wanted) : undefined;
    if (!file) return reply.status(404).send({ error: 'not found' });
    return sendStoredFile(reply, deps.store, file);
  });

  route.post(`${BASE}/:id/ack`, { ...api, params: recordParams }, async ({ request, reply, params }) => {
    const found = await delivery(request, reply, params.id);
    if (!found) return reply;
    await inTransaction(db, async (trx) => {
      await acknowledge(trx, found.row.id);
      await audited(trx, found, 'handover.acknowledged');
    });
    return reply.send({ submissionId: found.row.submission_id, state: 'acknowledged' });
  });
}
