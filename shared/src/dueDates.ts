/**
 * The answer period of a data-subject request (AVG art. 12(3)): one month after receipt, extendable once by at
 * most two further months. Months are calendar months in the Netherlands: the day of receipt is the Amsterdam
 * calendar day (a letter opened at 23:30 on 30 April arrived on 30 April, one e-mailed at 00:30 on 1 May on
 * 1 May), and a month later is the same day number, or the month's last day when it has fewer (31 January →
 * 28 or 29 February), as Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c) counts a period of months for EU law.
 * Days are `YYYY-MM-DD` strings, stored as midnight UTC like every calendar day in Spoorboek.
 */

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the Netherlands at an instant. */
export function amsterdamDay(instant: Date): string {
  return AMSTERDAM.format(instant);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1..12

/** `day` plus whole calendar months, clamped to the last day of the target month. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDate = Math.min(date, daysIn(targetYear, targetMonth));
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(targetDate).padStart(2, '0')}`;
}

/** The last day to answer a request received at `receivedAt`. */
export function dueDay(receivedAt: Date): string {
  return addMonths(amsterdamDay(receivedAt), 1);
}

/** The most an extension may add (AVG art. 12(3)): two months after the original due day. */
export const MAX_EXTENSION_MONTHS = 2;

/** The due day after extending the original due day by 1 or 2 months. */
export function extendedDueDay(originalDueDay: string, months: number): string {
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) throw new RangeError('an extension is 1 or 2 months');
  return addMonths(originalDueDay, months);
}

export const dayToDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

/** Whole days from `from` to `to` (calendar days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / 86_400_000);
}

export type Urgency = 'overdue' | 'due_this_week' | 'later';

/** How urgent an open request is today in the Netherlands: past its due day, due within 7 days, or later. */
export function urgencyOf(due: string, now: Date): Urgency {
  const left = daysBetween(amsterdamDay(now), due);
  if (left < 0) return 'overdue';
  if (left <= 7) return 'due_this_week';
  return 'later';
}
