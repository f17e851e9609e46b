// The session cookie: httpOnly, SameSite=Lax, Secure when served over https.
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './sessions.js';

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
