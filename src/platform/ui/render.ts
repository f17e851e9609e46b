// Sends server-rendered HTML.
import type { FastifyReply } from 'fastify';

export async function sendHtml(reply: FastifyReply, body: JSX.Element, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(await body);
}
