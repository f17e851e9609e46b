// Opening hours in Europe/Berlin: weekly slots, dated exceptions and the public holidays of North Rhine-Westphalia.
// Answers "open now, until …" or "opens on … at …" for a moment in time.
import type { OfficeContent, OpeningSlot } from './schema.js';

type LocalDay = { date: string; weekday: number; time: string };

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function berlinLocal(moment: Date): LocalDay {
  const parts = Object.fromEntries(berlinParts.formatToParts(moment).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: weekdays[parts.weekday!]!, time: `${parts.hour}:${parts.minute}` };
}

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easter(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Statutory public holidays in North Rhine-Westphalia. */
export function holidaysNrw(year: number): Set<string> {
  const sunday = easter(year);
  const fixed = ['01-01', '05-01', '10-03', '11-01', '12-25', '12-26'].map((day) => `${year}-${day}`);
  const movable = [-2, 1, 39, 50, 60].map((offset) => addDays(sunday, offset));
  return new Set([...fixed, ...movable]);
}

type Hours = Pick<OfficeContent, 'hours' | 'exceptions' | 'closedOnHolidays'>;

export function slotsOn(hours: Hours, date: string): Pick<OpeningSlot, 'opens' | 'closes'>[] {
  const exception = hours.exceptions.find((entry) => entry.date === date);
  if (exception)
    return exception.closed || !exception.opens || !exception.closes ? [] : [{ opens: exception.opens, closes: exception.closes }];
  if (hours.closedOnHolidays && holidaysNrw(Number(date.slice(0, 4))).has(date)) return [];
  const weekday = weekdayOf(date);
  return hours.hours.filter((slot) => slot.day === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
}

export type OpenState = { open: true; closes: string } | { open: false; next?: { date: string; opens: string; today: boolean } };

export function openState(hours: Hours, moment: Date): OpenState {
  const now = berlinLocal(moment);
  const current = slotsOn(hours, now.date).find((slot) => slot.opens <= now.time && now.time < slot.closes);
  if (current) return { open: true, closes: current.closes };
  for (let offset = 0; offset < 21; offset++) {
    const date = addDays(now.date, offset);
    const slot = slotsOn(hours, date).find((candidate) => offset > 0 || candidate.opens > now.time);
    if (slot) return { open: false, next: { date, opens: slot.opens, today: offset === 0 } };
  }
  return { open: false };
}

/** The week's regular hours grouped per weekday, for the table on the office page. */
export function weeklyTable(hours: Hours): { day: number; slots: string[] }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    slots: hours.hours
      .filter((slot) => slot.day === day)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((slot) => `${slot.opens}–${slot.closes}`),
  }));
}
