/**
 * The morning view: what each role looks at first (Wet verbetering poortwachter). Per sickness case the actor may
 * read: the week, the timeline, the steps that are late or due within a week for this actor, and which documents
 * exist — by kind and status, never their content, and nothing from the health dossier.
 */
import mongoose from 'mongoose';
import { daysBetween } from '@spoorboek/shared/poortwachter/calendar';
import type { Responsible, TimelineStep } from '@spoorboek/shared/poortwachter/timeline';
import type { Role } from '@spoorboek/shared/domain';
import type { TodayView } from '@spoorboek/shared/schemas/poortwachterToday';
import { Client } from '../../db/models/client';
import { openClients } from '../../db/models/clientPersonalia';
import { listScoped, present, type RequestActor } from '../../policy/enforce';
import { PoortwachterDocument, SicknessCase, type SicknessCaseData } from './model';
import { doneDates, timelineOf, today } from './service';

/** Whose steps each role follows: the coach supports all of them. */
const FOLLOWS: Partial<Record<Role, Responsible[] | 'all'>> = {
  coach: 'all', employer: ['employer'], company_doctor: ['company_doctor'], client: ['employee'],
};

function followedBy(roles: Role[]) {
  const follows = roles.map((role) => FOLLOWS[role]).filter((entry) => entry !== undefined);
  return (step: TimelineStep) => follows.some((entry) => entry === 'all' || step.responsible.some((who) => entry.includes(who)));
}

export async function morningView(actor: RequestActor, now?: Date): Promise<TodayView> {
  const on = today(now);
  const all = await listScoped(actor, 'read', SicknessCase, {}, { sort: { firstSickDay: 1 } });
  // Open cases; a client also sees their own recovered ones (where they stand).
  const cases = all.filter((found) => found.status === 'open' || String(found.clientId) === actor.clientId);
  if (cases.length === 0) return { today: on, cases: [] };
  const clientIds = [...new Set(cases.map((found) => String(found.clientId)))];
  const clients = await listScoped(actor, 'read', Client, { _id: mongoose.trusted({ $in: clientIds }) } as never);
  // Names are sealed at rest: opened with each client's key, then reduced to what the actor may read.
  const names = new Map((await openClients(clients.map((client) => client.toObject() as { _id: unknown }))).map((client) => {
    const view = present(actor, 'Client', client);
    return [String(client._id), [view.firstName, view.lastName].filter(Boolean).join(' ')];
  }));
  const documents = await listScoped(actor, 'read', PoortwachterDocument, {
    clientId: mongoose.trusted({ $in: clientIds }), caseId: mongoose.trusted({ $in: cases.map((found) => found._id) }),
  } as never);
  const dates = await doneDates(actor, cases);
  const mine = followedBy(actor.roles);

  const views = cases.map((found) => {
    const timeline = timelineOf(found.toObject() as SicknessCaseData, dates.get(String(found._id)) ?? {}, on);
    const open = timeline.steps.filter((step) => mine(step) && (step.status === 'late' || step.status === 'soon' || step.status === 'on_time'));
    return {
      clientId: String(found.clientId), clientName: names.get(String(found.clientId)) ?? '', caseId: String(found._id),
      firstSickDay: found.firstSickDay, timeline,
      late: open.filter((step) => step.status === 'late'),
      dueThisWeek: open.filter((step) => step.status !== 'late' && daysBetween(on, step.due) <= 7),
      documents: documents.filter((document) => String(document.caseId) === String(found._id)).map((document) => ({
        _id: String(document._id), kind: document.kind, status: document.status, updatedAt: document.updatedAt.toISOString(),
      })),
    };
  });
  views.sort((a, b) => b.late.length - a.late.length || (a.timeline.next && b.timeline.next ? daysBetween(b.timeline.next.due, a.timeline.next.due) : 0));
  return { today: on, cases: views };
}
