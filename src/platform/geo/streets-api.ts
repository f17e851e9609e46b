// /api/strassen?q=…: street suggestions from the tenant's street directory, for address fields and maps.
import type { FastifyInstance } from 'fastify';
import { suggestStreets } from './streets.js';

export function registerStreetApi(app: FastifyInstance) {
  app.get('/api/strassen', { config: { access: 'public' } }, async (request, reply) => {
    const typed = String((request.query as { q?: unknown }).q ?? '').slice(0, 120);
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
