// Sends server-rendered HTML.
import type { FastifyReply } from 'fastify';

/** The page as markup, or as bytes already encoded (a shared rendering). */
export async function sendHtml(reply: FastifyReply, body: JSX.Element | Promise<string | Buffer>, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(await body);
}
