// The relying party for citizens and businesses: OpenID Connect authorization code flow with PKCE against
// the configured issuer (BundID via a broker, Servicekonto, Keycloak) or the embedded demo IdP.
import * as client from 'openid-client';
import type { TrustLevel } from './demo-personas.js';
import { trustLevels } from './demo-personas.js';

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; trustLevelClaim: string; internalOrigin?: string };

export type CitizenClaims = {
  subject: string;
  kind: 'citizen' | 'business';
  name: string;
  trustLevel: TrustLevel | null;
  received: Record<string, unknown>;
};

export function oidcClient(settings: OidcSettings) {
  let configuration: Promise<client.Configuration> | undefined;

  function discover() {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
        [client.customFetch]: rewriteToInternal(settings),
      })
      .then((config) => {
        config[client.customFetch] = rewriteToInternal(settings);
        return config;
      })
      .catch((error) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    async start(redirectUri: string) {
      const config = await discover();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email address',
        acr_values: trustLevels.join(' '),
        // Every login asks again, so a citizen can choose a higher trust level (e.g. the eID for a certificate).
        prompt: 'login',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      // The embedded IdP answers on whichever origin the browser uses; its discovery names the internal one.
      const href = settings.internalOrigin ? `${new URL(redirectUri).origin}${url.pathname}${url.search}` : url.href;
      return { url: href, verifier, state };
    },

    async finish(currentUrl: URL, expected: { verifier: string; state: string }): Promise<CitizenClaims> {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('oidc_no_id_token');
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return mapClaims({ ...idClaims, ...userinfo }, settings.trustLevelClaim);
    },
  };
}

/** The documented claim mapping (docs/configuration.md): standard OIDC claims, trust level from a configurable claim. */
export function mapClaims(claims: Record<string, unknown>, trustLevelClaim: string): CitizenClaims {
  const level = String(claims[trustLevelClaim] ?? '');
  const received: Record<string, unknown> = {};
  for (const key of ['name', 'given_name', 'family_name', 'birthdate', 'email', 'address', 'organization']) {
    if (claims[key] !== undefined) received[key] = claims[key];
  }
  const name = String(claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(' ') ?? '');
  return {
    subject: String(claims.sub),
    kind: claims.organization ? 'business' : 'citizen',
    name: name || String(claims.sub),
    trustLevel: trustLevels.includes(level as TrustLevel) ? (level as TrustLevel) : null,
    received,
  };
}

/** The embedded IdP is this very server: back-channel calls go to it directly, whatever public BASE_URL says. */
function rewriteToInternal(settings: OidcSettings): client.CustomFetch {
  return (url, options) => {
    const target = settings.internalOrigin ? url.replace(new URL(settings.issuer).origin, settings.internalOrigin) : url;
    return fetch(target, options as RequestInit);
  };
}
