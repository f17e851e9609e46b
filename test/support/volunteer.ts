// Volunteering as a poll worker (Wahlhelfer): the shortest application, used where a test needs a received one.
// A logged-in visitor brings name and e-mail from the account; an anonymous one gives them.
import type { Visitor } from './visitor.js';

export async function volunteer(
  citizen: Visitor,
  answers: { name?: string; email?: string; role?: string } = {},
): Promise<{ submissionId: string; receiptPath: string }> {
  await citizen.get('/online/wahlhelfer');
  const first = await citizen.post('/online/wahlhelfer', {});
  const base = new URL(first.url).pathname.replace(/\/person$/, '');
  const person: Record<string, string> = answers.name ? { name: answers.name, email: answers.email ?? 'helfer@example.org' } : {};
  await citizen.post(`${base}/person`, { ...person, birthDate: '1964-08-12', phone: '', action: 'next' });
  await citizen.post(`${base}/wishes`, { role: answers.role ?? 'any', experience: 'no', notes: '', action: 'next' });
  const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes' });
  return { submissionId: /eingang\/([0-9a-f-]{36})/.exec(receipt.url)![1]!, receiptPath: new URL(receipt.url).pathname };
}
