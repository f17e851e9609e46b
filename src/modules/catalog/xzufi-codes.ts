// What XZuFi 2.2.0 transfer messages name by code: the namespace, the code lists (by URN and version) and the LeiKa
// text modules. Code values are carried in an unqualified <code> child, as in every XÖV code type. See
// docs/catalog-exchange.md for where each mapping comes from and what travels in the Rathaus extension.

export const XZUFI_VERSION = '2.2.0';
export const XZUFI_NS = 'http://xoev.de/schemata/xzufi/2_2_0';
/** Rathaus data XZuFi has no element for (owning unit, review interval, opening hours, …), in its own namespace. */
export const RATHAUS_NS = 'urn:de:rathaus:xzufi-erweiterung:1';

export type CodeList = { listURI: string; listVersionID: string };

export const CODE_LISTS = {
  leistungsschluessel: { listURI: 'urn:de:fim:leika:leistung', listVersionID: '20240601' },
  textmodul: { listURI: 'urn:de:fim:leika:textmodul', listVersionID: '1.4' },
  typisierung: { listURI: 'urn:de:fim:leika:typisierung', listVersionID: '1.0' },
  onlinedienstlinktyp: { listURI: 'urn:xoev-de:fim:codeliste:onlinedienstlinktyp', listVersionID: '1.0' },
  erreichbarkeit: { listURI: 'urn:de:xoev:codeliste:erreichbarkeit', listVersionID: '3' },
} as const satisfies Record<string, CodeList>;

/** The regional key (Amtlicher Regionalschlüssel, 12 digits) names the area a responsibility covers. */
export const REGIONAL_KEY_SCHEME = 'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs';

/** LeiKa text modules by code, for the texts that travel in modulText. */
export const TEXT_MODULE = {
  name: '02',
  description: '04',
  documents: '05',
  prerequisites: '06',
  steps: '08',
  notes: '12',
  legalBases: '13',
  legalRemedy: '14',
  summary: '15',
} as const;

/** The link type of an online service that leads to the application itself. */
export const ONLINE_APPLICATION_LINK = '01';

/** Erreichbarkeit: how an office is reached. */
export const CHANNEL = { email: '01', phone: '02' } as const;
