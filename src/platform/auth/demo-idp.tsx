// The embedded demo identity provider (oidc-provider under /idp), standing in for BundID / Servicekonto:
// the tester picks a demo person or company and a trust level, which comes back as the `acr` claim.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import type { Db } from '../db/database.js';
import { platformSecret } from '../db/secrets.js';
import { knownOrigins, type Deps } from '../http/deps.js';
import { textForm } from '../http/forms.js';
import { routes } from '../http/route.js';
import { accountPolicy } from './policy.js';
import { interactionParams } from './schema.js';
import { Button, Form, RadioGroup } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { sendHtml } from '../ui/render.js';
import { listTenants } from '../tenancy/tenants.js';
import { demoPersonas, findPersona, trustLevels, type TrustLevel } from './demo-personas.js';

export const DEMO_IDP_PATH = '/idp';

async function signingKey(db: Db) {
  const pem = await platformSecret(db, 'demo-idp-key', () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  return { ...createPrivateKey(pem).export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'demo-1' };
}

async function redirectUris(deps: Deps): Promise<string[]> {
  const hosts = (await listTenants(deps.db)).flatMap((tenant) => tenant.hosts);
  return knownOrigins(deps.baseUrl, hosts).map((origin) => `${origin}/konto/callback`);
}

export async function registerDemoIdp(app: FastifyInstance, deps: Deps) {
  const issuer = `${deps.baseUrl}${DEMO_IDP_PATH}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: deps.config.oidc.clientId,
        client_secret: deps.config.oidc.clientSecret,
        redirect_uris: await redirectUris(deps),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [await signingKey(deps.db)] },
    cookies: { keys: [await platformSecret(deps.db, 'demo-idp-cookie')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate', 'organization'],
      email: ['email'],
      address: ['address'],
    },
    acrValues: [...trustLevels],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const persona = findPersona(id);
      if (!persona) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...persona.claims }) };
    },
    ttl: { Session: 600, Grant: 600, Interaction: 600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
  });
  provider.proxy = true;
  const handle = provider.callback();

  const route = routes(app, deps.db);
  route.get(
    `${DEMO_IDP_PATH}/interaction/:uid`,
    { access: accountPolicy.anyone, params: interactionParams },
    async ({ request, reply, params }) => {
      await provider.interactionDetails(request.raw, reply.raw);
      return sendHtml(reply, PersonaPicker({ ctx: request.ctx, uid: params.uid }));
    },
  );

  route.post(
    `${DEMO_IDP_PATH}/interaction/:uid`,
    { access: accountPolicy.anyone, params: interactionParams, body: textForm },
    async ({ request, reply, body }) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const { persona: personaId = '', level = '', abort } = body;
      const persona = findPersona(personaId);
      const trust = trustLevels.includes(level as TrustLevel) ? (level as TrustLevel) : undefined;
      if (abort !== undefined || !persona || !trust) {
        const to = await provider.interactionResult(request.raw, reply.raw, {
          error: 'access_denied',
          error_description: 'cancelled by the user',
        });
        return reply.redirect(to, 303);
      }
      const grant = new provider.Grant({ accountId: persona.id, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid profile email address');
      const to = await provider.interactionResult(
        request.raw,
        reply.raw,
        {
          login: { accountId: persona.id, acr: trust, amr: [trust === 'basic' ? 'pwd' : trust === 'substantial' ? 'swk' : 'eid'] },
          consent: { grantId: await grant.save() },
        },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(to, 303);
    },
  );

  // Everything else under /idp is the provider's own protocol endpoints; they authenticate clients themselves.
  app.all(`${DEMO_IDP_PATH}/*`, { config: { access: 'public', csrf: false } }, async (request, reply) => {
    const raw = request.raw as typeof request.raw & { body?: unknown; originalUrl?: string };
    raw.body = request.body;
    raw.originalUrl = raw.url;
    raw.url = raw.url!.slice(DEMO_IDP_PATH.length) || '/';
    reply.hijack();
    handle(raw, reply.raw);
  });

  return issuer;
}

function PersonaPicker({ ctx, uid }: { ctx: import('../http/context.js').RequestContext; uid: string }) {
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('idp.title')}>
      <h1 safe>{t('idp.title')}</h1>
      <p safe>{t('idp.text')}</p>
      <Form action={`${DEMO_IDP_PATH}/interaction/${uid}`} csrf={ctx.csrfToken()}>
        <RadioGroup
          name="persona"
          legend={t('idp.persona')}
          value={demoPersonas[0].id}
          options={demoPersonas.map((p) => ({ value: p.id, label: p.label }))}
        />
        <RadioGroup
          name="level"
          legend={t('idp.level')}
          value="substantial"
          options={trustLevels.map((level) => ({ value: level, label: t(`level.${level}`) }))}
        />
        <Button label={t('idp.submit')} /> <Button label={t('idp.abort')} kind="secondary" name="abort" value="1" />
      </Form>
    </Page>
  );
}
