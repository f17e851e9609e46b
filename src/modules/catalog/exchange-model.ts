// One catalog entry as it travels between installations: identifier, owning unit (short name), review interval, content.
import type { EntryKind } from './constants.js';

export type ExchangeEntry = { kind: EntryKind; slug: string; unit?: string; reviewMonths?: number; content: unknown };

/** A rejected element of an import file and why. */
export type ImportProblem = { element: string; reason: string };
