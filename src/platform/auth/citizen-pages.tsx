// Routes of the citizen account: OpenID Connect login, the account page, deletion of account and data.
import type { FastifyInstance } from 'fastify';
import type { Module } from '../module.js';
import type { Deps } from '../http/deps.js';
import { tenantBaseUrl } from '../http/deps.js';
import { localPath, textForm } from '../http/forms.js';
import { routes } from '../http/route.js';
import { accountQuery, nextQuery } from './schema.js';
import { setFlash } from '../http/request-context.js';
import { sendHtml } from '../ui/render.js';
import { accountPolicy } from './policy.js';
import { deleteCitizen, upsertCitizen } from './citizen-account.js';
import { AccountView, CitizenLoginView } from './citizen-views.js';
import { oidcClient } from './oidc-client.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, destroySession } from './sessions.js';
import { findUserById } from './users-repo.js';

const FLOW_COOKIE = 'rh_oidc';

export function registerCitizenPages(
  app: FastifyInstance,
  deps: Deps,
  issuer: string,
  secure: boolean,
  internalOrigin?: string,
  modules: Module[] = [],
) {
  const { db, config } = deps;
  const oidc = oidcClient({
    issuer,
    clientId: config.oidc.clientId,
    clientSecret: config.oidc.clientSecret,
    trustLevelClaim: config.oidc.trustLevelClaim,
    internalOrigin,
  });
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  const route = routes(app, db);
  route.get('/konto', { access: accountPolicy.anyone, query: accountQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    if (ctx.actor.kind === 'staff') return reply.redirect('/bo/profil', 303);
    if (ctx.actor.kind === 'anonymous')
      return sendHtml(reply, CitizenLoginView({ ctx, next: localPath(query.next, '/konto'), failed: query.fehler === '1' }));
    const user = await findUserById(db, ctx.tenant.id, ctx.actor.userId);
    const citizen = { ...ctx, actor: ctx.actor };
    const sections = await Promise.all(
      modules
        .filter((module) => module.accountSection && (!ctx.tenant.settings.modules || ctx.tenant.settings.modules.includes(module.name)))
        .map((module) => module.accountSection!(deps, citizen)),
    );
    return sendHtml(
      reply,
      AccountView({
        ctx,
        claims: user?.claims ?? {},
        trustLevel: user?.trust_level ?? null,
        issuer: user?.oidc_issuer ?? issuer,
        sections,
      }),
    );
  });

  route.get('/konto/anmelden', { access: accountPolicy.anyone, query: nextQuery }, async ({ request, reply, query }) => {
    const next = localPath(query.next, '/konto');
    const flow = await oidc.start(`${tenantBaseUrl(deps, request.ctx, request.headers.host)}/konto/callback`);
    reply.setCookie(FLOW_COOKIE, JSON.stringify({ verifier: flow.verifier, state: flow.state, next }), {
      path: '/konto',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      maxAge: 600,
    });
    return reply.redirect(flow.url, 303);
  });

  route.get('/konto/callback', { access: accountPolicy.anyone }, async ({ request, reply }) => {
    const { ctx } = request;
    const raw = request.cookies[FLOW_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    reply.clearCookie(FLOW_COOKIE, { path: '/konto' });
    if (!unsigned?.valid || !unsigned.value) return reply.redirect('/konto?fehler=1', 303);
    const flow = JSON.parse(unsigned.value) as { verifier: string; state: string; next: string };
    const currentUrl = new URL(request.url, tenantBaseUrl(deps, ctx, request.headers.host));
    const claims = await oidc.finish(currentUrl, flow).catch((error: unknown) => {
      request.log.info(
        { event: 'citizen_login_failed', reason: error instanceof Error ? error.message : 'unknown' },
        'citizen_login_failed',
      );
      return undefined;
    });
    if (!claims) return reply.redirect('/konto?fehler=1', 303);
    const userId = await upsertCitizen(db, ctx.tenant.id, issuer, claims, ctx.requestId);
    if (ctx.sessionId) await destroySession(db, ctx.tenant.id, ctx.sessionId);
    setSessionCookie(reply, await createSession(db, ctx.tenant.id, userId, {}, timeouts), secure);
    return reply.redirect(localPath(flow.next, '/konto'), 303);
  });

  route.post('/konto/loeschen', { access: accountPolicy.citizen, body: textForm }, async ({ request, reply, body }) => {
    const { ctx } = request;
    if (ctx.actor.kind === 'anonymous') return reply.redirect('/konto', 303);
    if (body.confirm !== 'yes') {
      const user = await findUserById(db, ctx.tenant.id, ctx.actor.userId);
      return sendHtml(
        reply,
        AccountView({
          ctx,
          claims: user?.claims ?? {},
          trustLevel: user?.trust_level ?? null,
          issuer,
          error: ctx.t('account.deleteMustConfirm'),
        }),
        400,
      );
    }
    await deleteCitizen(db, ctx.tenant.id, ctx.actor.userId, ctx.requestId);
    clearSessionCookie(reply);
    setFlash(reply, ctx.t('account.deleted'));
    return reply.redirect('/', 303);
  });
}
