// Reconciliation: the provider's statement (CSV: reference;amount;date) against our bookings of the same days.
// Each line is matched by reference; differing amounts, lines we did not book and bookings missing from the
// statement are listed for the finance clerk.
export type StatementLine = { reference: string; amountCents: number; day: string };
export type Booked = { reference: string; amount_cents: number; day: string };
export type Reconciliation = {
  matched: number;
  amountDiffers: { reference: string; ours: number; theirs: number }[];
  unknown: StatementLine[];
  missing: Booked[];
  unreadable: number[];
};

/** Reads the statement; lines that cannot be read are reported by number, never guessed. */
export function parseStatement(text: string): { lines: StatementLine[]; unreadable: number[] } {
  const lines: StatementLine[] = [];
  const unreadable: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || /^referen/i.test(line)) return;
    const [reference, amount, day] = line.split(/[;\t]/).map((part) => part.trim().replace(/^"|"$/g, ''));
    const euros = Number((amount ?? '').replace(/\.(?=\d{3}\b)/g, '').replace(',', '.'));
    if (!reference || !/^[A-Za-z0-9-]{4,60}$/.test(reference) || !Number.isFinite(euros) || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? ''))
      unreadable.push(index + 1);
    else lines.push({ reference, amountCents: Math.round(euros * 100), day: day! });
  });
  return { lines, unreadable };
}

export function reconcile(statement: StatementLine[], booked: Booked[], unreadable: number[] = []): Reconciliation {
  const ours = new Map(booked.map((booking) => [booking.reference, booking]));
  const seen = new Set<string>();
  const result: Reconciliation = { matched: 0, amountDiffers: [], unknown: [], missing: [], unreadable };
  for (const line of statement) {
    const booking = ours.get(line.reference);
    seen.add(line.reference);
    if (!booking) result.unknown.push(line);
    else if (booking.amount_cents !== line.amountCents)
      result.amountDiffers.push({ reference: line.reference, ours: booking.amount_cents, theirs: line.amountCents });
    else result.matched++;
  }
  result.missing = booked.filter((booking) => !seen.has(booking.reference));
  return result;
}
