// One catalog entry as it travels between installations: identifier, owning unit (short name), review interval, content.
import type { EntryKind } from './constants.js';

export type ExchangeEntry = { kind: EntryKind; slug: string; unit?: string; reviewMonths?: number; content: unknown };

/** Why an element of an import file could not be taken over; the import page says it in the reader's language. */
export type ImportReason =
  | 'noRoot'
  | 'notXzufi'
  | 'noVersion'
  | 'noHeader'
  | 'notCatalog'
  | 'empty'
  | 'unknownObject'
  | 'noIdentifier'
  | 'noServiceName'
  | 'noName'
  | 'noAddress'
  | 'unknownService'
  | 'noLink'
  | 'invalidEntry'
  | 'duplicate'
  | 'invalidField'
  | 'unknownReference';

/** What a problem is about: the file as a whole, a catalog entry (JSON), an XZuFi object or an unknown element. */
export type ProblemSubject =
  | { kind: 'file' }
  | { kind: EntryKind | 'leistung' | 'spezialisierung' | 'organisationseinheit' | 'zustaendigkeit' | 'onlinedienst'; id?: string }
  | { kind: 'element'; id: string };

/** A rejected element of an import file, why, and what the reason names: a field of the content (`field`), another
 * entry (`entry`) or an identifier. */
export type ImportProblem = {
  subject: ProblemSubject;
  reason: ImportReason;
  field?: string;
  entry?: { kind: EntryKind; slug: string };
  detail?: string;
};
