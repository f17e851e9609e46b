// Steps many tests share: staff and citizen logins through the real forms and the demo identity provider.
import { DEMO_PASSWORD } from '../../seed/hennef.js';
import { freshTotp } from './totp.js';
import { Visitor } from './visitor.js';

export async function staffLogin(visitor: Visitor, email: string, password = DEMO_PASSWORD) {
  await visitor.get('/bo/anmelden');
  const answer = await visitor.post('/bo/anmelden', { email, password });
  if (!answer.url.endsWith('/bo/anmelden/code')) return answer;
  return visitor.post('/bo/anmelden/code', { code: await freshTotp(`${visitor.base} ${email}`) });
}

export async function citizenLogin(visitor: Visitor, persona = 'erika-mustermann', level = 'substantial', next?: string) {
  const atIdp = await visitor.get(next ? `/konto/anmelden?next=${next}` : '/konto/anmelden');
  const action = /action="([^"]*\/idp\/interaction\/[^"]+)"/.exec(atIdp.html)?.[1];
  if (!action) throw new Error(`demo IdP page not reached: ${atIdp.status} ${atIdp.url}`);
  return visitor.post(action, { persona, level });
}
