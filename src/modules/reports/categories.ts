// The categories a town starts with (Hennef's Bürger-Melden), each with its sub-categories and the unit that
// fixes such problems. Editors can change them later; this is only the first stock.
import type { Db } from '../../platform/db/database.js';
import { insertCategories } from './repo.js';
import type { CategoryQuestion } from './tables.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { CategoryRow } from './repo.js';

type Stock = {
  code: string;
  de: string;
  en: string;
  unit: string;
  days: number;
  children: { code: string; de: string; en: string; questions?: CategoryQuestion[] }[];
};

const yesNo = [
  { key: 'ja', de: 'ja', en: 'yes' },
  { key: 'nein', de: 'nein', en: 'no' },
  { key: 'unbekannt', de: 'weiß nicht', en: 'don’t know' },
];

const STOCK: Stock[] = [
  {
    code: 'strasse',
    de: 'Straße/Gehweg',
    en: 'Road/pavement',
    unit: 'SBH',
    days: 14,
    children: [
      {
        code: 'schlagloch',
        de: 'Schlagloch',
        en: 'Pothole',
        questions: [
          {
            code: 'groesse',
            de: 'Wie groß ist das Schlagloch?',
            en: 'How large is the pothole?',
            datatype: 'singlevaluelist',
            required: false,
            values: [
              { key: 'klein', de: 'kleiner als ein Teller', en: 'smaller than a plate' },
              { key: 'mittel', de: 'etwa so groß wie ein Autoreifen', en: 'about the size of a car tyre' },
              { key: 'gross', de: 'größer', en: 'larger' },
            ],
          },
        ],
      },
      { code: 'gehweg-schaden', de: 'Gehwegschaden', en: 'Damaged pavement' },
    ],
  },
  {
    code: 'beleuchtung',
    de: 'Beleuchtung',
    en: 'Street lighting',
    unit: 'SBH',
    days: 7,
    children: [
      {
        code: 'laterne-defekt',
        de: 'Laterne defekt',
        en: 'Street lamp out',
        questions: [
          {
            code: 'mastnummer',
            de: 'Nummer am Laternenmast (falls lesbar)',
            en: 'Number on the lamp post (if readable)',
            datatype: 'string',
            required: false,
          },
        ],
      },
    ],
  },
  {
    code: 'muell',
    de: 'Müll',
    en: 'Waste',
    unit: 'SBH',
    days: 5,
    children: [
      {
        code: 'wilde-muellkippe',
        de: 'Wilde Müllkippe',
        en: 'Fly-tipping',
        questions: [
          {
            code: 'gefahrstoffe',
            de: 'Liegen dort gefährliche Stoffe (Öl, Farben, Asbest, Batterien)?',
            en: 'Are there hazardous substances (oil, paint, asbestos, batteries)?',
            datatype: 'singlevaluelist',
            required: true,
            values: yesNo,
          },
        ],
      },
      { code: 'papierkorb-voll', de: 'Papierkorb voll', en: 'Litter bin full' },
    ],
  },
  {
    code: 'gruen',
    de: 'Grün',
    en: 'Green spaces',
    unit: 'SBH',
    days: 14,
    children: [{ code: 'baum-ast', de: 'Baum/Ast', en: 'Tree/branch' }],
  },
  {
    code: 'verkehrszeichen',
    de: 'Verkehrszeichen',
    en: 'Traffic signs',
    unit: 'FD 3.1',
    days: 10,
    children: [{ code: 'schild-beschaedigt', de: 'Schild beschädigt oder verdreht', en: 'Sign damaged or turned' }],
  },
  {
    code: 'spielplatz',
    de: 'Spielplatz',
    en: 'Playground',
    unit: 'SBH',
    days: 7,
    children: [{ code: 'spielgeraet-defekt', de: 'Spielgerät defekt', en: 'Play equipment broken' }],
  },
  {
    code: 'gewaesser',
    de: 'Gewässer',
    en: 'Waters',
    unit: 'FD 5.3',
    days: 14,
    children: [{ code: 'verschmutzung', de: 'Verschmutzung', en: 'Pollution' }],
  },
  {
    code: 'winterdienst',
    de: 'Winterdienst',
    en: 'Winter service',
    unit: 'SBH',
    days: 2,
    children: [{ code: 'nicht-geraeumt', de: 'Nicht geräumt oder gestreut', en: 'Not cleared or gritted' }],
  },
];

export function seedReportCategories(db: Db, tenantId: string) {
  return insertCategories(
    db,
    STOCK.flatMap((main, index) => [
      {
        tenant_id: tenantId,
        code: main.code,
        parent_code: null,
        name_de: main.de,
        name_en: main.en,
        unit: main.unit,
        target_days: main.days,
        position: index * 10,
      },
      ...main.children.map((child, childIndex) => ({
        tenant_id: tenantId,
        code: child.code,
        parent_code: main.code,
        name_de: `${main.de} – ${child.de}`,
        name_en: `${main.en} – ${child.en}`,
        unit: main.unit,
        target_days: main.days,
        position: index * 10 + childIndex + 1,
        questions: JSON.stringify(child.questions ?? []),
      })),
    ]),
  );
}

/** A category's name in the reader's language (its code when it no longer exists). */
export function categoryLabel(categories: CategoryRow[], code: string, lang: Lang): string {
  const category = categories.find((candidate) => candidate.code === code);
  return category ? (lang === 'de' ? category.name_de : category.name_en) : code;
}
