/**
 * Poortwachter reminders (Wet verbetering poortwachter: the deadlines are the employer's, and missing one costs a
 * loonsanctie): a week before a step's deadline and on the day itself, the coach and the employer's contacts get a
 * content-free notification ("Een stap in een verzuimdossier moet binnenkort gezet worden") — in the app, and by
 * mail unless they opted out. Run daily by the server; each reminder is sent once, claimed by a unique insert.
 */
import mongoose, { Schema } from 'mongoose';
import { addDays, amsterdamDay } from '@spoorboek/shared/poortwachter/calendar';
import { startDailyJob } from '../../dailyJob';
import { isDuplicateKey } from '../../db/guardedUpdate';
import type { Logger } from '../../logger';
import { notify } from '../notifications/service';
import { PoortwachterDocument, SicknessCase } from './model';
import { timelineOf, today } from './service';

const reminderSchema = new Schema(
  {
    /** `${caseId}:${step}:${due}:${week|day}` — one reminder per step, deadline and moment. */
    _id: { type: String, required: true },
    clientId: { type: Schema.Types.ObjectId, required: true, index: true },
    at: { type: Date, required: true },
  },
  { timestamps: false, versionKey: false },
);
export const PoortwachterReminder = mongoose.model('PoortwachterReminder', reminderSchema);

/** Sends the reminders due on this Amsterdam day; returns how many were sent. A cross-client job, by nature. */
export async function sendReminders(now = new Date()): Promise<number> {
  const on = today(now);
  let sent = 0;
  for (const found of await SicknessCase.find({ status: 'open' }).lean()) {
    const timeline = timelineOf(found as never, await doneOn(found), on);
    for (const step of timeline.steps) {
      if (step.done || step.status === 'lapsed') continue;
      const moment = step.due === on ? 'day' : step.due === addDays(on, 7) ? 'week' : null;
      if (!moment) continue;
      try {
        await PoortwachterReminder.create({ _id: `${String(found._id)}:${step.key}:${step.due}:${moment}`, clientId: found.clientId, at: now });
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
      await notify('poortwachter_due', found.clientId);
      sent += 1;
    }
  }
  return sent;
}

/** When the case's documents were released or agreed, per kind (what counts as the step being done). */
async function doneOn(found: { _id: unknown; clientId: unknown }) {
  const documents = await PoortwachterDocument.find(
    { clientId: found.clientId, caseId: found._id, status: mongoose.trusted({ $in: ['released', 'agreed'] }) } as never,
    { kind: 1, status: 1, releasedAt: 1, agreedAt: 1 },
  ).lean();
  const dates: Record<string, string[]> = {};
  for (const document of documents) {
    const when = document.status === 'released' ? document.releasedAt : document.agreedAt;
    if (when) (dates[document.kind] ??= []).push(amsterdamDay(when));
  }
  return dates;
}

/** Daily, from shortly after start; two processes at once still send each reminder once. */
export function startReminderSchedule(logger: Logger) {
  return startDailyJob({ name: 'poortwachter reminders', run: async () => ({ sent: await sendReminders() }), firstAfterMs: 90_000 }, logger);
}
