// A utility company applies for a street-opening permit (Aufbruchgenehmigung) with a site plan: the service with
// its own workflow (consultation, lead's approval, notice on approval). The business must be logged in.
import { SMALL_PDF } from './dog.js';
import { postMultipart } from './multipart.js';
import type { Visitor } from './visitor.js';

export async function applyForStreetOpening(
  business: Visitor,
  contractor = 'Tiefbau Sieg GmbH',
): Promise<{ submissionId: string; receiptPath: string }> {
  const first = await business.post('/online/aufbruchantrag', {});
  const base = new URL(first.url).pathname.replace(/\/site$/, '');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await business.post(`${base}/site`, {
    site: 'Frankfurter Straße 97, Gehweg',
    'site.coordinates': '50.7757, 7.2837',
    surface: 'pavement',
    length: '12',
    from: day(0),
    until: day(7),
    action: 'next',
  });
  await postMultipart(
    business,
    `${base}/works`,
    { purpose: 'fibre', emergency: 'no', contractor, sitePhone: '02242 12345', action: 'next' },
    [{ field: 'plan', name: 'lageplan.pdf', bytes: SMALL_PDF }],
  );
  const receipt = await business.post(`${base}/absenden`, { declaration0: 'yes' });
  return { submissionId: /eingang\/([0-9a-f-]{36})/.exec(receipt.url)![1]!, receiptPath: new URL(receipt.url).pathname };
}
