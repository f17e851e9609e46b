// Registers the platform's own pages: common pages, staff and citizen login, back office, administration.
import type { FastifyInstance } from 'fastify';
import { registerAuditPages } from './audit/pages.js';
import { registerAdminPages } from './auth/admin-pages.js';
import { registerCitizenPages } from './auth/citizen-pages.js';
import { registerDemoIdp } from './auth/demo-idp.js';
import { registerStaffHome } from './auth/staff-home.js';
import { registerStaffPages } from './auth/staff-pages.js';
import type { Deps } from './http/deps.js';
import type { Module } from './module.js';
import { registerMailPages } from './mail/pages.js';
import { registerStreetApi } from './geo/streets-api.js';
import { registerCommonPages } from './ui/pages.js';

export async function registerPlatformPages(app: FastifyInstance, deps: Deps, secure: boolean, internalOrigin: string, modules: Module[]) {
  registerCommonPages(app, deps.db);
  registerStaffPages(app, deps, secure);
  registerStaffHome(app, deps, modules);
  registerAdminPages(app, deps);
  registerAuditPages(app, deps);
  registerMailPages(app, deps);
  registerStreetApi(app, deps.db);
  const embedded = !deps.config.oidc.issuer;
  const issuer = deps.config.oidc.issuer ?? (await registerDemoIdp(app, deps));
  registerCitizenPages(app, deps, issuer, secure, embedded ? internalOrigin : undefined, modules);
}
