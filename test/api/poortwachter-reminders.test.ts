import { expect } from 'chai';
import { addDays, amsterdamDay } from '@spoorboek/shared/poortwachter/calendar';
import { Notification } from '../../server/src/modules/notifications/model';
import { sendReminders } from '../../server/src/modules/sickness/reminders';
import { testApp, type TestApp } from '../helpers/app';
import { waitForMail } from '../helpers/mail';
import { apiAs } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

/** Noon in the Netherlands on a calendar day. */
const noonOn = (day: string) => new Date(`${day}T11:00:00Z`);

describe('Poortwachter reminders', () => {
  let t: TestApp;
  let world: World;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
  });

  it('remind the coach and the employer a week before a step’s deadline and on the day, once each, without content', async () => {
    const hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    const base = `/api/v1/clients/${String(world.clients.jan._id)}/sickness-cases`;
    const created = await hrVos.post(base, { firstSickDay: addDays(amsterdamDay(new Date()), -20), reportedBy: 'employer' }).expect(201);
    const analysis = (created.body.timeline.steps as { key: string; due: string }[]).find((step) => step.key === 'problem_analysis')!;

    const weekBefore = noonOn(addDays(analysis.due, -7));
    // Two runs at once (two server processes): each reminder is claimed by one insert, so it goes out once.
    const [first, second] = await Promise.all([sendReminders(weekBefore), sendReminders(weekBefore)]);
    expect(first + second).to.equal(1); // the probleemanalyse is the one step due that week
    const reminded = async () => (await Notification.find({ kind: 'poortwachter_due' }).lean()).map((item) => String(item.userId)).sort();
    expect(await reminded()).to.deep.equal([String(world.users.anna._id), String(world.users.hrVos._id)].sort());
    const mail = await waitForMail(world.users.hrVos.email, { subject: /verzuimdossier/ });
    expect(mail.text).to.include('/poortwachter');
    expect(mail.text + mail.subject).not.to.match(/Jan|de Wit|probleemanalyse/i); // that something is due, never what or whose

    expect(await sendReminders(weekBefore)).to.equal(0); // once
    expect(await sendReminders(noonOn(addDays(analysis.due, -3)))).to.equal(0); // nothing due that day
    expect(await sendReminders(noonOn(analysis.due))).to.be.greaterThan(0); // and on the day itself
    expect((await reminded()).length).to.be.greaterThan(2);
  });
});
