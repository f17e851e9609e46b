// A selection of Hennef's streets with the village they belong to: the demo street directory behind address
// suggestions and address search on maps. Positions are approximations near the village centre, not surveyed.
import type { TownGeo } from '../src/platform/db/tables.js';

const byLocality: Record<string, string[]> = {
  'Hennef-Zentrum': [
    'Frankfurter Straße',
    'Bahnhofstraße',
    'Beethovenstraße',
    'Mittelstraße',
    'Markt',
    'Dickstraße',
    'Königstraße',
    'Kurhausstraße',
    'Wehrstraße',
    'Lindenstraße',
    'Deichstraße',
    'Am Kurpark',
    'Humperdinckstraße',
    'Mozartstraße',
    'Bonner Straße',
    'Stoßdorfer Straße',
    'Chronos-Weg',
    'Siegstraße',
    'Kirchstraße',
    'Gartenstraße',
    'Schulstraße',
    'Poststraße',
    'Am Steinchen',
    'Rathausplatz',
    'Austraße',
    'Reisertstraße',
    'Im Siegbogen',
    'Wippenhohner Straße',
    'Hanfstraße',
    'Löhestraße',
  ],
  Geistingen: [
    'Geistinger Platz',
    'Klosterstraße',
    'Hauptstraße',
    'Sövener Straße',
    'Zum Siegdamm',
    'Am Sportplatz',
    'Talstraße',
    'Bergstraße',
    'Warther Straße',
    'Blumenstraße',
  ],
  'Stadt Blankenberg': [
    'Burgstraße',
    'Mechtildisstraße',
    'Katharinenturm',
    'Graf-Heinrich-Straße',
    'Blankenberger Straße',
    'Am Stadtgraben',
  ],
  Bödingen: ['Bödinger Straße', 'Klosterberg', 'Zum Wallfahrtsweg', 'Im Lauterbachtal', 'Altenbödinger Straße'],
  Uckerath: [
    'Westerwaldstraße',
    'Zum Marktplatz',
    'Schulweg',
    'Mühlenstraße',
    'Lichtenberger Straße',
    'Hanfmühle',
    'Auf dem Kamp',
    'Eulenberger Straße',
  ],
  Söven: ['Dambroicher Straße', 'Rott', 'Sövener Höhe', 'Am Weiher', 'Hofstraße'],
  Happerschoß: ['Happerschosser Straße', 'Heisterschosser Straße', 'Am Dorfplatz', 'Zur Wahnbachtalsperre', 'Kapellenweg'],
};

/** Deterministic small offset (about ±300 m) so that streets of one village do not share one point. */
function offset(index: number): number {
  return (((index * 37) % 17) - 8) * 0.0004;
}

export function hennefStreets(localities: TownGeo['localities']): NonNullable<TownGeo['streets']> {
  return localities.flatMap((locality) =>
    (byLocality[locality.name] ?? []).map((name, index) => ({
      name,
      locality: locality.name,
      postalCode: '53773',
      city: 'Hennef (Sieg)',
      lat: Number((locality.lat + offset(index)).toFixed(5)),
      lng: Number((locality.lng + offset(index + 5)).toFixed(5)),
    })),
  );
}
