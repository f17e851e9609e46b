// Routes of the staff login, second factor, password reset and logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import { localPath, textForm } from '../http/forms.js';
import { routes } from '../http/route.js';
import { isEmail } from '../validation/rules.js';
import { accountPolicy } from './policy.js';
import { nextQuery, resetParams } from './schema.js';
import { formatTime } from '../i18n/index.js';
import { requestPasswordReset } from './reset-mail.js';
import { sharedPage } from '../http/shared-page.js';
import { sendHtml } from '../ui/render.js';
import { setFlash } from '../http/request-context.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SESSION_COOKIE, createSession, destroySession, destroyUserSessions, loadSession } from './sessions.js';
import {
  checkStaffPassword,
  checkStaffTotp,
  completeStaffLogin,
  enrolTotp,
  findValidReset,
  resetPassword,
  type Refusal,
} from './staff-login.js';
import { newTotpSecret, totpUri } from './totp.js';
import { findUserById } from './users-repo.js';
import { EnrolView, ForgotView, LoginView, NewPasswordView, TotpView } from './staff-views.js';

const loginRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

function refusalText(ctx: RequestContext, refusal: Refusal, failed: 'login.failed' | 'totp.failed'): string {
  return refusal.result === 'throttled' ? ctx.t('login.throttled', { until: formatTime(ctx.lang, refusal.until) }) : ctx.t(failed);
}

const refusalStatus = (refusal: Refusal) => (refusal.result === 'throttled' ? 429 : 401);

export function registerStaffPages(app: FastifyInstance, deps: Deps, secure: boolean) {
  const { db, config } = deps;
  const route = routes(app, db);
  const policy = { freeFailures: config.loginFreeFailures, maxDelayMinutes: config.loginMaxDelayMinutes };
  const timeouts = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  async function pending(request: FastifyRequest) {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await loadSession(db, request.ctx.tenant.id, token, timeouts) : undefined;
    return session && session !== 'expired' && !session.userId && session.data.pendingUserId ? { token: token!, ...session } : undefined;
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, userId: string, next: string) {
    const { ctx } = request;
    if (ctx.sessionId) await destroySession(db, ctx.tenant.id, ctx.sessionId);
    await completeStaffLogin(db, ctx.tenant.id, userId, ctx.requestId);
    setSessionCookie(reply, await createSession(db, ctx.tenant.id, userId, {}, timeouts), secure);
    return reply.redirect(localPath(next, '/bo'), 303);
  }

  route.get('/bo/anmelden', { access: accountPolicy.anyone, query: nextQuery }, async ({ request, reply, query }) => {
    const { ctx } = request;
    const next = localPath(query.next, '/bo');
    if (ctx.actor.kind === 'staff') return reply.redirect(next, 303);
    if (ctx.sessionExpired) return sendHtml(reply, LoginView({ ctx, next, notice: ctx.t('login.expired') }));
    // The same empty form for everyone (per address, so `next` stays), each with their own CSRF token.
    return sendHtml(
      reply,
      sharedPage(ctx, 'staff-login', request.url, 60, (shared) => LoginView({ ctx: shared, next })),
    );
  });

  route.post('/bo/anmelden', { access: accountPolicy.anyone, body: textForm, config: loginRateLimit }, async ({ request, reply, body }) => {
    const { ctx } = request;
    const { email = '', password = '', next = '/bo' } = body;
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = ctx.t('error.required');
    if (!password) errors.password = ctx.t('error.required');
    if (Object.keys(errors).length) return sendHtml(reply, LoginView({ ctx, email, next, errors }), 400);
    const outcome = await checkStaffPassword(db, ctx.tenant.id, email.trim(), password, policy);
    if (outcome.result !== 'ok')
      return sendHtml(
        reply,
        LoginView({ ctx, email, next, errors: { email: refusalText(ctx, outcome, 'login.failed') } }),
        refusalStatus(outcome),
      );
    if (!outcome.needsTotp) return finish(request, reply, outcome.userId, next);
    const data = { pendingUserId: outcome.userId, next, ...(outcome.mustEnrol ? { enrolSecret: newTotpSecret() } : {}) };
    setSessionCookie(reply, await createSession(db, ctx.tenant.id, null, data, timeouts), secure);
    return reply.redirect(outcome.mustEnrol ? '/bo/anmelden/einrichten' : '/bo/anmelden/code', 303);
  });

  route.get('/bo/anmelden/code', { access: accountPolicy.anyone }, async ({ request, reply }) => {
    if (!(await pending(request))) return reply.redirect('/bo/anmelden', 303);
    return sendHtml(reply, TotpView({ ctx: request.ctx }));
  });

  route.post(
    '/bo/anmelden/code',
    { access: accountPolicy.anyone, body: textForm, config: loginRateLimit },
    async ({ request, reply, body }) => {
      const { ctx } = request;
      const session = await pending(request);
      if (!session) return reply.redirect('/bo/anmelden', 303);
      const { code = '' } = body;
      if (!code.trim()) return sendHtml(reply, TotpView({ ctx, error: ctx.t('totp.missing') }), 400);
      const outcome = await checkStaffTotp(db, ctx.tenant.id, session.data.pendingUserId!, code, policy);
      if (outcome.result !== 'ok')
        return sendHtml(reply, TotpView({ ctx, error: refusalText(ctx, outcome, 'totp.failed') }), refusalStatus(outcome));
      return finish(request, reply, session.data.pendingUserId!, session.data.next ?? '/bo');
    },
  );

  route.get('/bo/anmelden/einrichten', { access: accountPolicy.anyone }, async ({ request, reply }) => {
    const { ctx } = request;
    const session = await pending(request);
    const secret = session?.data.enrolSecret;
    if (!session || !secret) return reply.redirect('/bo/anmelden', 303);
    const user = await findUserById(db, ctx.tenant.id, session.data.pendingUserId!);
    return sendHtml(reply, EnrolView({ ctx, secret, uri: totpUri(secret, user?.email ?? 'staff', ctx.tenant.name) }));
  });

  route.post(
    '/bo/anmelden/einrichten',
    { access: accountPolicy.anyone, body: textForm, config: loginRateLimit },
    async ({ request, reply, body }) => {
      const { ctx } = request;
      const session = await pending(request);
      const secret = session?.data.enrolSecret;
      if (!session || !secret) return reply.redirect('/bo/anmelden', 303);
      const { code = '' } = body;
      if (!(await enrolTotp(db, ctx.tenant.id, session.data.pendingUserId!, secret, code))) {
        const user = await findUserById(db, ctx.tenant.id, session.data.pendingUserId!);
        return sendHtml(
          reply,
          EnrolView({ ctx, secret, uri: totpUri(secret, user?.email ?? 'staff', ctx.tenant.name), error: ctx.t('totp.failed') }),
          400,
        );
      }
      return finish(request, reply, session.data.pendingUserId!, session.data.next ?? '/bo');
    },
  );

  route.get('/bo/passwort-vergessen', { access: accountPolicy.anyone }, async ({ request, reply }) =>
    sendHtml(
      reply,
      sharedPage(request.ctx, 'staff-login', request.url, 60, (ctx) => ForgotView({ ctx })),
    ),
  );

  route.post(
    '/bo/passwort-vergessen',
    { access: accountPolicy.anyone, body: textForm, config: loginRateLimit },
    async ({ request, reply, body }) => {
      const { ctx } = request;
      const { email = '' } = body;
      if (!isEmail(email.trim())) return sendHtml(reply, ForgotView({ ctx, email, errors: { email: ctx.t('error.invalidEmail') } }), 400);
      await requestPasswordReset(db, ctx.tenant.id, ctx.lang, email.trim());
      return sendHtml(reply, ForgotView({ ctx, sent: true }));
    },
  );

  route.get(
    '/bo/passwort-neu/:token',
    { access: accountPolicy.anyone, params: resetParams },
    async ({ request, reply, params: { token } }) => {
      const valid = Boolean(await findValidReset(db, request.ctx.tenant.id, token));
      return sendHtml(reply, NewPasswordView({ ctx: request.ctx, token, valid }), valid ? 200 : 410);
    },
  );

  route.post(
    '/bo/passwort-neu/:token',
    { access: accountPolicy.anyone, params: resetParams, body: textForm, config: loginRateLimit },
    async ({ request, reply, params: { token }, body }) => {
      const { ctx } = request;
      const { password = '' } = body;
      const outcome = await resetPassword(db, ctx.tenant.id, token, password);
      if (outcome === 'too_short')
        return sendHtml(reply, NewPasswordView({ ctx, token, valid: true, errors: { password: ctx.t('error.passwordTooShort') } }), 400);
      if (outcome === 'invalid') return sendHtml(reply, NewPasswordView({ ctx, token, valid: false }), 410);
      setFlash(reply, ctx.t('reset.done'));
      return reply.redirect('/bo/anmelden', 303);
    },
  );

  route.post('/abmelden', { access: accountPolicy.anyone }, async ({ request, reply }) => {
    const { ctx } = request;
    if (ctx.sessionId) await destroySession(db, ctx.tenant.id, ctx.sessionId);
    clearSessionCookie(reply);
    setFlash(reply, ctx.t('account.loggedOut'));
    return reply.redirect('/', 303);
  });

  route.post('/abmelden/ueberall', { access: accountPolicy.signedIn }, async ({ request, reply }) => {
    const { ctx } = request;
    if (ctx.actor.kind !== 'anonymous') await destroyUserSessions(db, ctx.tenant.id, ctx.actor.userId);
    clearSessionCookie(reply);
    setFlash(reply, ctx.t('account.loggedOut'));
    return reply.redirect('/', 303);
  });
}
