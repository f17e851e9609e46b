// A simplified outline of Hennef (Sieg) and some of its villages: the offline base layer of the demo maps.
// Coordinates are rounded approximations drawn for this project, good enough for orientation, not for surveying.
import type { TownGeo } from '../src/platform/db/tables.js';
import { hennefStreets } from './streets.js';

const localities: TownGeo['localities'] = [
  { name: 'Hennef-Zentrum', lat: 50.7757, lng: 7.2837 },
  { name: 'Geistingen', lat: 50.781, lng: 7.261 },
  { name: 'Stadt Blankenberg', lat: 50.77, lng: 7.34 },
  { name: 'Bödingen', lat: 50.792, lng: 7.319 },
  { name: 'Uckerath', lat: 50.744, lng: 7.385 },
  { name: 'Söven', lat: 50.737, lng: 7.342 },
  { name: 'Happerschoß', lat: 50.804, lng: 7.28 },
];

// The Sieg and the main roads, drawn along their course through the town (rounded, for orientation).
const lines: NonNullable<TownGeo['lines']> = [
  {
    name: 'Sieg',
    kind: 'river',
    points: [
      [50.7655, 7.43],
      [50.77, 7.405],
      [50.7745, 7.38],
      [50.7712, 7.356],
      [50.7695, 7.34],
      [50.7738, 7.316],
      [50.7703, 7.296],
      [50.7722, 7.28],
      [50.7782, 7.26],
      [50.7852, 7.235],
      [50.7925, 7.217],
    ],
  },
  {
    name: 'A 560',
    kind: 'road',
    points: [
      [50.785, 7.2125],
      [50.7835, 7.25],
      [50.7808, 7.288],
      [50.779, 7.32],
    ],
  },
  {
    name: 'B 8 (Frankfurter Straße)',
    kind: 'road',
    points: [
      [50.796, 7.22],
      [50.782, 7.262],
      [50.7757, 7.2837],
      [50.765, 7.31],
      [50.753, 7.342],
      [50.744, 7.385],
      [50.733, 7.415],
    ],
  },
  {
    name: 'L 333',
    kind: 'road',
    points: [
      [50.7757, 7.2837],
      [50.79, 7.283],
      [50.804, 7.28],
      [50.815, 7.279],
    ],
  },
  {
    name: 'B 478',
    kind: 'road',
    points: [
      [50.77, 7.34],
      [50.792, 7.319],
      [50.806, 7.312],
    ],
  },
];

export const hennefGeo: TownGeo = {
  boundary: [
    [50.8105, 7.218],
    [50.818, 7.263],
    [50.8075, 7.315],
    [50.796, 7.36],
    [50.783, 7.402],
    [50.764, 7.431],
    [50.739, 7.429],
    [50.723, 7.398],
    [50.726, 7.35],
    [50.744, 7.312],
    [50.756, 7.27],
    [50.764, 7.231],
    [50.785, 7.212],
  ],
  localities,
  lines,
  streets: hennefStreets(localities),
  neighbours: [
    { name: 'Stadt Siegburg', lat: 50.8008, lng: 7.2044 },
    { name: 'Stadt Sankt Augustin', lat: 50.7756, lng: 7.1867 },
    { name: 'Stadt Lohmar', lat: 50.839, lng: 7.215 },
    { name: 'Gemeinde Neunkirchen-Seelscheid', lat: 50.86, lng: 7.335 },
    { name: 'Gemeinde Ruppichteroth', lat: 50.844, lng: 7.486 },
    { name: 'Gemeinde Eitorf', lat: 50.77, lng: 7.45 },
    { name: 'Gemeinde Buchholz (Westerwald)', lat: 50.7, lng: 7.37 },
    { name: 'Stadt Königswinter', lat: 50.673, lng: 7.193 },
  ],
};
