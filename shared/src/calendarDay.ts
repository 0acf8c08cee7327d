/**
 * Calendar days as people in the Netherlands mean them: a day is a Europe/Amsterdam day, whatever the server's
 * own time zone. "Tot en met 27-11-2026" means access until the end of 27 November in Amsterdam — 23:00 UTC in
 * winter, 22:00 UTC in summer — and the switch to and from daylight saving time moves that hour with it.
 * Days are written JJJJ-MM-DD (ISO 8601), as date inputs send them.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

export type CalendarDay = string;

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** The wall-clock time in Amsterdam at this instant, read as if it were UTC (for offset arithmetic). */
function wallClock(instant: number): number {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** Amsterdam's offset from UTC at this instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  const whole = instant - (instant % 1000);
  return wallClock(whole) - whole;
}

function parse(day: CalendarDay): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(utcMidnight: number): CalendarDay {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** The Amsterdam calendar day this instant falls on. */
export function dayOf(instant: Date): CalendarDay {
  return format(wallClock(instant.getTime()));
}

/** Today in Amsterdam. */
export function today(now = new Date()): CalendarDay {
  return dayOf(now);
}

/** The instant this day begins in Amsterdam (00:00 local; DST never switches at midnight there). */
export function startOfDay(day: CalendarDay): Date {
  const [year, month, date] = parse(day);
  const wall = Date.UTC(year, month - 1, date);
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** The instant this day ends in Amsterdam: the start of the next day (an exclusive bound). */
export function endOfDay(day: CalendarDay): Date {
  return startOfDay(addDays(day, 1));
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const [year, month, date] = parse(day);
  return format(Date.UTC(year, month - 1, date + days));
}

/** The same day `months` later, or the month's last day when it is shorter (31 January + 1 month = 28/29 February). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const [year, month, date] = parse(day);
  const lastOfTarget = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(year, month - 1 + months, Math.min(date, lastOfTarget)));
}

/** DD-MM-JJJJ, as Dutch text writes a date. */
export function formatDay(day: CalendarDay): string {
  const [year, month, date] = parse(day);
  return `${String(date).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}
