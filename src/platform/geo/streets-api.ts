// /api/strassen?q=…: street suggestions from the tenant's street directory, for address fields and maps.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { routes } from '../http/route.js';
import { suggestStreets } from './streets.js';

/** What was typed so far (cut at 120 characters). */
const streetQuery = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) => q.slice(0, 120)),
});

export function registerStreetApi(app: FastifyInstance, db: Db) {
  routes(app, db).get('/api/strassen', { access: 'public', query: streetQuery }, async ({ request, reply, query: { q: typed } }) => {
    const streets = suggestStreets(request.ctx.tenant.settings.geo?.streets ?? [], typed);
    return reply.header('cache-control', 'public, max-age=3600').send({
      suggestions: streets.map((street) => ({
        name: street.name,
        locality: street.locality,
        postalCode: street.postalCode,
        lat: street.lat,
        lng: street.lng,
      })),
    });
  });
}
