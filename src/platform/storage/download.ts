// Sends a stored file as a download: its sniffed type, a safe file name, never cached, never sniffed again.
import type { FastifyReply } from 'fastify';
import type { BlobStore } from './storage.js';

export async function sendStoredFile(
  reply: FastifyReply,
  store: BlobStore,
  file: { content_hash: string; media_type: string; original_name: string },
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const name = file.original_name.replace(/[^\w.\-äöüÄÖÜß ]/g, '_');
  return reply
    .type(file.media_type)
    .header('content-disposition', `${disposition}; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(await store.get(file.content_hash));
}
