/**
 * Calendar days in Europe/Amsterdam: a day's start and end as instants, across both switches of daylight saving
 * time, and the arithmetic handovers use (at most three months).
 */
import { expect } from 'chai';
import { addDays, addMonths, dayOf, endOfDay, formatDay, startOfDay } from '@spoorboek/shared/calendarDay';
import { lastHandoverDay } from '@spoorboek/shared/schemas/consents';

describe('an Amsterdam calendar day', () => {
  it('begins at local midnight: 23:00 UTC the evening before in winter, 22:00 UTC in summer', () => {
    expect(startOfDay('2026-11-27').toISOString()).to.equal('2026-11-26T23:00:00.000Z');
    expect(startOfDay('2026-07-01').toISOString()).to.equal('2026-06-30T22:00:00.000Z');
  });

  it('ends at the next local midnight, so "tot en met 27-11-2026" runs until 23:59:59 that day in Amsterdam', () => {
    expect(endOfDay('2026-11-27').toISOString()).to.equal('2026-11-27T23:00:00.000Z');
    expect(dayOf(new Date(endOfDay('2026-11-27').getTime() - 1))).to.equal('2026-11-27');
    expect(dayOf(endOfDay('2026-11-27'))).to.equal('2026-11-28');
  });

  it('is 23 hours long when the clocks go forward and 25 when they go back', () => {
    const hours = (day: string) => (endOfDay(day).getTime() - startOfDay(day).getTime()) / 3_600_000;
    expect(hours('2026-03-29')).to.equal(23);
    expect(hours('2026-10-25')).to.equal(25);
    expect(hours('2026-10-24')).to.equal(24);
    expect(startOfDay('2026-03-30').toISOString()).to.equal('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-10-26').toISOString()).to.equal('2026-10-25T23:00:00.000Z');
  });

  it('is the day the instant falls on in Amsterdam, not in UTC', () => {
    expect(dayOf(new Date('2026-11-26T23:30:00Z'))).to.equal('2026-11-27');
    expect(dayOf(new Date('2026-06-30T21:59:59Z'))).to.equal('2026-06-30');
    expect(dayOf(new Date('2026-06-30T22:00:00Z'))).to.equal('2026-07-01');
  });

  it('counts days and months on the calendar, keeping to the last day of a shorter month', () => {
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
    expect(addMonths('2026-11-30', 3)).to.equal('2027-02-28');
    expect(addMonths('2027-11-30', 3)).to.equal('2028-02-29');
    expect(addMonths('2026-01-15', 3)).to.equal('2026-04-15');
    expect(formatDay('2026-11-07')).to.equal('07-11-2026');
  });

  it('lets a handover run at most three months, the last day included', () => {
    expect(lastHandoverDay('2026-11-27')).to.equal('2027-02-26');
    expect(lastHandoverDay('2026-11-30')).to.equal('2027-02-27');
  });
});
