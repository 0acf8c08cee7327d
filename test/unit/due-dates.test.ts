import { expect } from 'chai';
import { addMonths, amsterdamDay, dueDay, extendedDueDay, urgencyOf } from '@spoorboek/shared/dueDates';

describe('the answer period of a data-subject request (AVG art. 12(3))', () => {
  it('is one calendar month: the same day number a month later', () => {
    expect(dueDay(new Date('2026-03-10T09:00:00+01:00'))).to.equal('2026-04-10');
    expect(dueDay(new Date('2026-12-15T09:00:00+01:00'))).to.equal('2027-01-15');
  });

  it('ends on the last day of a shorter month: 31 January → 28 February, 29 in a leap year', () => {
    expect(dueDay(new Date('2026-01-31T10:00:00+01:00'))).to.equal('2026-02-28');
    expect(dueDay(new Date('2028-01-31T10:00:00+01:00'))).to.equal('2028-02-29');
    expect(dueDay(new Date('2028-01-29T10:00:00+01:00'))).to.equal('2028-02-29');
    expect(dueDay(new Date('2026-03-31T10:00:00+02:00'))).to.equal('2026-04-30');
    expect(addMonths('2100-01-31', 1)).to.equal('2100-02-28'); // 2100 is no leap year
    expect(addMonths('2000-01-31', 1)).to.equal('2000-02-29'); // 2000 is
  });

  it('counts the day of receipt in Amsterdam, not in UTC, late in the evening and across daylight saving', () => {
    // 1 May 00:30 in Amsterdam (summer time) is still 30 April in UTC.
    expect(amsterdamDay(new Date('2026-04-30T22:30:00Z'))).to.equal('2026-05-01');
    expect(dueDay(new Date('2026-04-30T22:30:00Z'))).to.equal('2026-06-01');
    // 31 January 23:30 in Amsterdam (winter time, UTC+1) is 22:30 UTC on the same day.
    expect(dueDay(new Date('2026-01-31T22:30:00Z'))).to.equal('2026-02-28');
    // 31 January 23:30 UTC is already 1 February in Amsterdam.
    expect(dueDay(new Date('2026-01-31T23:30:00Z'))).to.equal('2026-03-01');
    // The night the clocks go back (25 October 2026): 00:30 UTC is 02:30 summer time.
    expect(amsterdamDay(new Date('2026-10-24T22:30:00Z'))).to.equal('2026-10-25');
  });

  it('extends once by one or two months from the original due day, never more', () => {
    expect(extendedDueDay('2026-02-28', 2)).to.equal('2026-04-28');
    expect(extendedDueDay('2026-01-31', 1)).to.equal('2026-02-28');
    expect(extendedDueDay('2027-12-31', 2)).to.equal('2028-02-29');
    expect(() => extendedDueDay('2026-02-28', 3)).to.throw(RangeError);
    expect(() => extendedDueDay('2026-02-28', 0)).to.throw(RangeError);
  });

  it('is overdue the day after the due day in Amsterdam, and due this week within seven days', () => {
    expect(urgencyOf('2026-02-28', new Date('2026-02-28T22:59:00Z'))).to.equal('due_this_week'); // 23:59 on the due day
    expect(urgencyOf('2026-02-28', new Date('2026-02-28T23:00:00Z'))).to.equal('overdue'); // 00:00 on 1 March
    expect(urgencyOf('2026-03-07', new Date('2026-02-28T12:00:00Z'))).to.equal('due_this_week');
    expect(urgencyOf('2026-03-08', new Date('2026-02-28T12:00:00Z'))).to.equal('later');
  });
});
