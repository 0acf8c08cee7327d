import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, amsterdamDay, dayNumber, daysBetween, fromDayNumber, isCalendarDay } from '@spoorboek/shared/poortwachter/calendar';
import {
  computeTimeline, endOfWeek, weekOf, type StepKey, type Timeline, type TimelineInput,
} from '@spoorboek/shared/poortwachter/timeline';

const dueOf = (timeline: Timeline, key: StepKey) => timeline.steps.find((step) => step.key === key)!.due;
const stepOf = (timeline: Timeline, key: StepKey) => timeline.steps.find((step) => step.key === key)!;
const timeline = (input: Partial<TimelineInput> & { firstSickDay: string }) => computeTimeline({ today: input.firstSickDay, ...input });

describe('the Poortwachter timeline (pure date arithmetic)', () => {
  describe('weeks', () => {
    it('start on the first sick day: day 1 to 7 are week 1, day 8 is week 2, the day before is week 0', () => {
      expect(weekOf('2026-01-05', '2026-01-05')).to.equal(1);
      expect(weekOf('2026-01-05', '2026-01-11')).to.equal(1);
      expect(weekOf('2026-01-05', '2026-01-12')).to.equal(2);
      expect(weekOf('2026-01-05', '2026-01-04')).to.equal(0);
    });

    it('end on day 7·n for any first sick day, across month, year and leap-day boundaries', () => {
      const days = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2040-12-31') }).map(fromDayNumber);
      fc.assert(fc.property(days, fc.integer({ min: 1, max: 160 }), (first, week) => {
        const end = endOfWeek(first, week);
        return daysBetween(first, end) === 7 * week - 1 && weekOf(first, end) === week && weekOf(first, addDays(end, 1)) === week + 1;
      }), { numRuns: 500 });
    });

    it('refuses a day that does not exist', () => {
      expect(isCalendarDay('2026-02-29')).to.equal(false);
      expect(isCalendarDay('2028-02-29')).to.equal(true);
      expect(isCalendarDay('2026-13-01')).to.equal(false);
    });
  });

  describe('deadlines', () => {
    it('follow the law from a first sick day on Monday 5 January 2026', () => {
      const result = timeline({ firstSickDay: '2026-01-05' });
      expect(dueOf(result, 'problem_analysis')).to.equal('2026-02-15'); // last day of week 6
      expect(dueOf(result, 'action_plan')).to.equal('2026-03-01'); // last day of week 8
      expect(dueOf(result, 'uwv_notification')).to.equal('2026-10-26'); // the (working) day after week 42
      expect(stepOf(result, 'first_year_evaluation')).to.include({ opensOn: '2026-11-16', due: '2027-01-03' }); // weeks 46–52
      expect(dueOf(result, 'wia_letter')).to.equal('2027-09-12'); // week 88
      expect(dueOf(result, 'wia_application')).to.equal('2027-10-03'); // week 91
      expect(dueOf(result, 'wage_end')).to.equal('2028-01-02'); // last day of week 104
      expect(stepOf(result, 'problem_analysis').week).to.equal(6);
      expect(stepOf(result, 'wage_end').week).to.equal(104);
      expect(stepOf(result, 'uwv_notification').week).to.equal(42); // named week 42, due the working day after it
      expect(weekOf('2026-01-05', dueOf(result, 'uwv_notification'))).to.equal(43);
    });

    it('count a first sick day of 29 February (leap year) in plain days', () => {
      const result = timeline({ firstSickDay: '2028-02-29' });
      expect(dueOf(result, 'problem_analysis')).to.equal('2028-04-10');
      expect(dueOf(result, 'first_year_evaluation')).to.equal('2029-02-26');
      expect(dueOf(result, 'wage_end')).to.equal('2030-02-25');
    });

    it('are calendar days in Europe/Amsterdam, unaffected by the summer-time change on the first sick day', () => {
      // 29 March 2026: clocks go forward at 02:00; a case counted in instants of 24 h would drift by an hour.
      const result = timeline({ firstSickDay: '2026-03-29' });
      expect(dueOf(result, 'problem_analysis')).to.equal('2026-05-09');
      expect(dueOf(result, 'wage_end')).to.equal('2028-03-25');
      // The ziekmelding falls on a Sunday (day 295) and moves to the Monday.
      expect(dueOf(result, 'uwv_notification')).to.equal('2027-01-18');
    });

    it('take "today" as the Dutch calendar day, not the UTC one, on both sides of each summer-time change', () => {
      expect(amsterdamDay(new Date('2026-03-28T22:59:59Z'))).to.equal('2026-03-28'); // 23:59:59 CET
      expect(amsterdamDay(new Date('2026-03-28T23:00:00Z'))).to.equal('2026-03-29'); // midnight CET
      expect(amsterdamDay(new Date('2026-03-29T22:30:00Z'))).to.equal('2026-03-30'); // 00:30 CEST
      expect(amsterdamDay(new Date('2026-10-24T22:30:00Z'))).to.equal('2026-10-25'); // 00:30 CEST
      expect(amsterdamDay(new Date('2026-10-25T22:30:00Z'))).to.equal('2026-10-25'); // 23:30 CET
    });

    it('move the UWV ziekmelding from a Saturday to the Monday after', () => {
      expect(dueOf(timeline({ firstSickDay: '2026-01-10' }), 'uwv_notification')).to.equal('2026-11-02');
    });

    it('shift every deadline by exactly the correction when the first sick day is corrected', () => {
      const before = timeline({ firstSickDay: '2026-01-05', today: '2026-02-20' });
      const after = timeline({ firstSickDay: '2026-01-12', today: '2026-02-20' });
      for (const key of ['problem_analysis', 'action_plan', 'first_year_evaluation', 'wia_application', 'wage_end'] as const) {
        expect(daysBetween(dueOf(before, key), dueOf(after, key)), key).to.equal(7);
      }
      expect(stepOf(before, 'problem_analysis').status).to.equal('late');
      expect(stepOf(after, 'problem_analysis').status).to.equal('soon');
      expect(before.week).to.equal(7);
      expect(after.week).to.equal(6);
    });

    it('extend the WIA steps and the end of wage continuation by a loonsanctie and an uitstel, not the first-year steps', () => {
      const plain = timeline({ firstSickDay: '2026-01-05' });
      const extended = timeline({
        firstSickDay: '2026-01-05', extensions: [{ kind: 'loonsanctie', weeks: 52 }, { kind: 'uitstel', weeks: 6 }],
      });
      expect(extended.extensionWeeks).to.equal(58);
      for (const key of ['wia_letter', 'wia_application', 'wage_end'] as const) {
        expect(daysBetween(dueOf(plain, key), dueOf(extended, key)), key).to.equal(58 * 7);
      }
      expect(stepOf(extended, 'wage_end').week).to.equal(162);
      for (const key of ['problem_analysis', 'action_plan', 'uwv_notification', 'first_year_evaluation'] as const) {
        expect(dueOf(extended, key), key).to.equal(dueOf(plain, key));
      }
    });
  });

  describe('statuses', () => {
    const first = '2026-01-05';
    it('are op tijd, binnenkort from 14 days before, te laat the day after the deadline, gedaan when done', () => {
      expect(stepOf(timeline({ firstSickDay: first, today: '2026-01-31' }), 'problem_analysis').status).to.equal('on_time');
      expect(stepOf(timeline({ firstSickDay: first, today: '2026-02-01' }), 'problem_analysis').status).to.equal('soon');
      expect(stepOf(timeline({ firstSickDay: first, today: '2026-02-15' }), 'problem_analysis').status).to.equal('soon');
      expect(stepOf(timeline({ firstSickDay: first, today: '2026-02-16' }), 'problem_analysis').status).to.equal('late');
      const done = timeline({ firstSickDay: first, today: '2026-03-01', done: { problem_analysis: '2026-02-17' } });
      expect(stepOf(done, 'problem_analysis')).to.include({ status: 'done', done: '2026-02-17', doneLate: true });
    });

    it('plan an evaluation six weeks after the plan and after each evaluation', () => {
      const result = timeline({
        firstSickDay: first, today: '2026-05-01',
        done: { problem_analysis: '2026-02-10', action_plan: '2026-02-20', evaluations: ['2026-03-30'] },
      });
      const evaluations = result.steps.filter((step) => step.key === 'evaluation');
      expect(evaluations.map((step) => [step.due, step.done])).to.deep.equal([['2026-04-03', '2026-03-30'], ['2026-05-11', null]]);
      expect(evaluations[1]!.status).to.equal('soon');
      expect(result.next?.key).to.equal('evaluation');
    });

    it('let later steps lapse on full recovery, keep missed ones late, and freeze the week', () => {
      const result = timeline({ firstSickDay: first, today: '2026-06-01', fullRecoveryOn: '2026-03-10' });
      expect(stepOf(result, 'problem_analysis').status).to.equal('late');
      expect(stepOf(result, 'uwv_notification').status).to.equal('lapsed');
      expect(stepOf(result, 'wage_end').status).to.equal('lapsed');
      expect(result.steps.filter((step) => step.key === 'evaluation')).to.have.length(0);
      expect(result.week).to.equal(10); // 9 March, the last sick day, is in week 10
      expect(result.next?.key).to.equal('problem_analysis');
    });

    it('mark the end of wage continuation as passed once its day has come', () => {
      expect(stepOf(timeline({ firstSickDay: first, today: '2028-01-02' }), 'wage_end').status).to.equal('done');
      expect(stepOf(timeline({ firstSickDay: first, today: '2028-01-01' }), 'wage_end').status).to.equal('soon');
    });
  });
});
