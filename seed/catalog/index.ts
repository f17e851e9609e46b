// Seeds Hennef's demo catalog through the catalog's own functions: offices, contacts, services and search synonyms.
import type { Db } from '../../src/platform/db/database.js';
import { seedCatalogEntry, finishCatalogSeed, type Author } from '../../src/modules/catalog/index.js';
import { contacts, offices } from './offices.js';
import { citizenServices } from './services-citizens.js';
import { townServices } from './services-town.js';
import { toContent } from './types.js';

/** Words people type, mapped to the words the catalog uses. */
const synonyms: [string, string][] = [
  ['perso', 'Personalausweis'],
  ['ausweis', 'Personalausweis Reisepass'],
  ['ummeldung', 'Wohnsitz ummelden'],
  ['umzug', 'Wohnsitz'],
  ['knöllchen', 'Verwarnungsgeld'],
  ['strafzettel', 'Verwarnungsgeld'],
  ['hochzeit', 'Eheschließung'],
  ['heiraten', 'Eheschließung'],
  ['kindergarten', 'Kita'],
  ['müll', 'Abfall Mülltonne Sperrmüll'],
  ['auto', 'Fahrzeug Kfz'],
  ['bauamt', 'Bauantrag Bauordnung'],
  ['pass', 'Reisepass'],
  ['dog', 'Hund'],
  ['passport', 'Reisepass'],
];

export async function seedHennefCatalog(db: Db, tenantId: string, unitIds: Map<string, string>) {
  const author: Author = { tenantId, userId: null, label: 'system:seed' };
  const unit = (short: string) => unitIds.get(short) ?? unitIds.get('FB 1')!;
  for (const office of offices) {
    await seedCatalogEntry(db, author, 'office', { slug: office.slug, unitId: unit(office.unit), reviewMonths: 12 }, office.content);
  }
  for (const contact of contacts) {
    const { slug, unit: short, roleEn, ...content } = contact;
    await seedCatalogEntry(
      db,
      author,
      'contact',
      { slug, unitId: unit(short), reviewMonths: 12 },
      { ...content, translations: { en: { role: roleEn } } },
    );
  }
  for (const service of [...citizenServices, ...townServices]) {
    await seedCatalogEntry(db, author, 'service', { slug: service.slug, unitId: unit(service.unit), reviewMonths: 12 }, toContent(service));
  }
  await finishCatalogSeed(db, tenantId, synonyms);
}
