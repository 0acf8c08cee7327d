/**
 * Calendar days in Europe/Amsterdam. A sickness case counts in calendar days ("de eerste ziektedag", "week 6"),
 * never in instants: a day is a `JJJJ-MM-DD` string, and arithmetic on it runs on a day number, so summer time
 * (an hour missing or doubled at night) cannot shift a deadline by a day.
 */

/** A calendar day, `JJJJ-MM-DD`. */
export type CalendarDay = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar day; throws on anything that is not a real date (2026-02-30). */
export function dayNumber(day: CalendarDay): number {
  const match = PATTERN.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  if (new Date(ms).getUTCDate() !== date || new Date(ms).getUTCMonth() !== month - 1) throw new RangeError(`not a calendar day: ${day}`);
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(number: number): CalendarDay {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDay(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(dayNumber(day) + days);
}

/** `later` minus `earlier` in days. */
export function daysBetween(earlier: CalendarDay, later: CalendarDay): number {
  return dayNumber(later) - dayNumber(earlier);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  return new Date(dayNumber(day) * DAY_MS).getUTCDay();
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day it is in the Netherlands at this instant (23:30 UTC on 28 March is already 29 March there). */
export function amsterdamDay(instant: Date): CalendarDay {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DUTCH = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "29 februari 2028": a calendar day as people read it. */
export function formatDay(day: CalendarDay): string {
  return DUTCH.format(new Date(dayNumber(day) * DAY_MS));
}
