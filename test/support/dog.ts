// Registering a dog (Hundeanmeldung) with a chip certificate as evidence: the shortest application with an
// attachment, used where a test needs one. The citizen must be logged in.
import { postMultipart, type UploadFile } from './multipart.js';
import type { Visitor } from './visitor.js';

export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function registerDog(
  citizen: Visitor,
  dogName = 'Luna',
  evidence: UploadFile = { field: 'evidence', name: 'chip-bescheinigung.pdf', bytes: SMALL_PDF },
): Promise<{ submissionId: string }> {
  const first = await citizen.post('/online/hundeanmeldung', {});
  const base = new URL(first.url).pathname.replace(/\/holder$/, '');
  await citizen.post(`${base}/holder`, { phone: '', action: 'next' });
  const dog = {
    'dogs.0.dogName': dogName,
    'dogs.0.breed': 'Pudel',
    'dogs.0.since': '2025-01-01',
    'dogs.0.chip': '276098106111111',
    'dogs.0.dangerous': 'no',
  };
  await postMultipart(citizen, `${base}/dogs`, { ...dog, action: 'next' }, [evidence]);
  await citizen.post(`${base}/payment`, { directDebit: 'no', action: 'next' });
  const receipt = await citizen.post(`${base}/absenden`, { declaration0: 'yes', declaration1: 'yes' });
  return { submissionId: /eingang\/([0-9a-f-]{36})/.exec(receipt.url)![1]! };
}
