// A simplified outline of Hennef (Sieg) and some of its villages: the offline base layer of the demo maps.
// Coordinates are rounded approximations drawn for this project, good enough for orientation, not for surveying.
import type { TownGeo } from '../src/platform/db/tables.js';
import { hennefStreets } from './streets.js';

const localities: TownGeo['localities'] = [
  { name: 'Hennef-Zentrum', lat: 50.7757, lng: 7.2837 },
  { name: 'Geistingen', lat: 50.7810, lng: 7.2610 },
  { name: 'Stadt Blankenberg', lat: 50.7700, lng: 7.3400 },
  { name: 'Bödingen', lat: 50.7920, lng: 7.3190 },
  { name: 'Uckerath', lat: 50.7440, lng: 7.3850 },
  { name: 'Söven', lat: 50.7370, lng: 7.3420 },
  { name: 'Happerschoß', lat: 50.8040, lng: 7.2800 },
];

// The Sieg and the main roads, drawn along their course through the town (rounded, for orientation).
const lines: NonNullable<TownGeo['lines']> = [
  { name: 'Sieg', kind: 'river', points: [[50.7655, 7.4300], [50.7700, 7.4050], [50.7745, 7.3800], [50.7712, 7.3560], [50.7695, 7.3400], [50.7738, 7.3160], [50.7703, 7.2960], [50.7722, 7.2800], [50.7782, 7.2600], [50.7852, 7.2350], [50.7925, 7.2170]] },
  { name: 'A 560', kind: 'road', points: [[50.7850, 7.2125], [50.7835, 7.2500], [50.7808, 7.2880], [50.7790, 7.3200]] },
  { name: 'B 8 (Frankfurter Straße)', kind: 'road', points: [[50.7960, 7.2200], [50.7820, 7.2620], [50.7757, 7.2837], [50.7650, 7.3100], [50.7530, 7.3420], [50.7440, 7.3850], [50.7330, 7.4150]] },
  { name: 'L 333', kind: 'road', points: [[50.7757, 7.2837], [50.7900, 7.2830], [50.8040, 7.2800], [50.8150, 7.2790]] },
  { name: 'B 478', kind: 'road', points: [[50.7700, 7.3400], [50.7920, 7.3190], [50.8060, 7.3120]] },
];

export const hennefGeo: TownGeo = {
  boundary: [
    [50.8105, 7.2180], [50.8180, 7.2630], [50.8075, 7.3150], [50.7960, 7.3600], [50.7830, 7.4020], [50.7640, 7.4310],
    [50.7390, 7.4290], [50.7230, 7.3980], [50.7260, 7.3500], [50.7440, 7.3120], [50.7560, 7.2700], [50.7640, 7.2310], [50.7850, 7.2120],
  ],
  localities,
  lines,
  streets: hennefStreets(localities),
  neighbours: [
    { name: 'Stadt Siegburg', lat: 50.8008, lng: 7.2044 },
    { name: 'Stadt Sankt Augustin', lat: 50.7756, lng: 7.1867 },
    { name: 'Stadt Lohmar', lat: 50.8390, lng: 7.2150 },
    { name: 'Gemeinde Neunkirchen-Seelscheid', lat: 50.8600, lng: 7.3350 },
    { name: 'Gemeinde Ruppichteroth', lat: 50.8440, lng: 7.4860 },
    { name: 'Gemeinde Eitorf', lat: 50.7700, lng: 7.4500 },
    { name: 'Gemeinde Buchholz (Westerwald)', lat: 50.7000, lng: 7.3700 },
    { name: 'Stadt Königswinter', lat: 50.6730, lng: 7.1930 },
  ],
};
