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

/** A rejected element of an import file, why, and what the reason names (a field, an identifier). */
export type ImportProblem = { element: string; reason: ImportReason; detail?: string };
