// What the case routes accept. A filter value of the wrong shape is reported on the page (`readFilter`), so the
// inbox's query is read as texts here.
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .catch('')
    .default('')
    .transform((value) => value.trim().slice(0, max));
const optional = z.string().optional().catch(undefined);

export const inboxQuery = z.object({
  ansicht: optional,
  leistung: optional,
  suche: optional,
  status: optional,
  von: optional,
  bis: optional,
  sortierung: optional,
});
/** Selected cases (a checkbox list: one id or several) and the action for all of them. */
export const bulkBody = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((ids) =>
      [ids]
        .flat()
        .filter((id) => z.uuid().safeParse(id).success)
        .slice(0, 200),
    ),
  bulk: text(100),
  reason: text(2000),
});
export const absenceBody = z.object({ deputy: text(100), action: text(20) });
/** A state change: the target state, the version the clerk saw, and the fields the transition asks for. */
export const statusBody = z
  .record(z.string(), z.unknown())
  .default({})
  .transform((body) => Object.fromEntries(Object.entries(body).map(([name, value]) => [name, typeof value === 'string' ? value : ''])));
export const noteBody = z.object({ note: text(2000) });
export const assignBody = z.object({ assignee: text(100), version: text(20) });
export const linkBody = z.object({ number: text(40) });
export const linkParams = z.object({ id: z.uuid(), other: z.uuid() });
