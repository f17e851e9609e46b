// Citizen and business accounts: created or refreshed from the identity provider's claims at each login,
// deleted with all their data on request. Only the claims the portal needs are kept.
import type { Db } from '../db/database.js';
import { recordAudit } from '../audit/audit-log.js';
import type { CitizenClaims } from './oidc-client.js';
import { deleteUser, findByOidcSubject, insertUser, updateUser } from './users-repo.js';

export async function upsertCitizen(db: Db, tenantId: string, issuer: string, claims: CitizenClaims, requestId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await findByOidcSubject(trx, tenantId, issuer, claims.subject);
    const values = {
      display_name: claims.name,
      email: (claims.received.email as string | undefined) ?? null,
      claims: JSON.stringify(claims.received),
      trust_level: claims.trustLevel,
    };
    let userId: string;
    if (existing) {
      await updateUser(trx, tenantId, existing.id, values);
      userId = existing.id;
    } else {
      const inserted = await insertUser(trx, {
        tenant_id: tenantId,
        kind: claims.kind,
        oidc_issuer: issuer,
        oidc_subject: claims.subject,
        ...values,
        trust_level: claims.trustLevel ?? undefined,
      });
      userId = inserted.id;
    }
    await recordAudit(trx, {
      tenantId,
      actorId: userId,
      actorLabel: `citizen:${userId}`,
      action: existing ? 'citizen.login' : 'citizen.registered',
      objectType: 'user',
      objectId: userId,
      summary: { trust_level: claims.trustLevel },
      requestId,
    });
    return userId;
  });
}

export async function deleteCitizen(db: Db, tenantId: string, userId: string, requestId: string) {
  await db.transaction().execute(async (trx) => {
    await deleteUser(trx, tenantId, userId);
    await recordAudit(trx, {
      tenantId,
      actorId: userId,
      actorLabel: `citizen:${userId}`,
      action: 'citizen.deleted',
      objectType: 'user',
      objectId: userId,
      requestId,
    });
  });
}
