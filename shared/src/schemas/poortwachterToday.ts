/** The morning view: per sickness case the actor follows, where it stands and what is due. */
import { POORTWACHTER_DOCUMENT_KINDS, POORTWACHTER_DOCUMENT_STATUSES } from '../domain';
import { TimelineStepView, TimelineView } from './poortwachter';
import { id, timestamp } from './common';
import { z } from './zod';

export const TodayCase = z.object({
  clientId: id,
  clientName: z.string(),
  caseId: id,
  firstSickDay: z.string(),
  timeline: TimelineView,
  /** Steps this actor is responsible for (or, for the coach, supports) that are late or due within seven days. */
  late: z.array(TimelineStepView),
  dueThisWeek: z.array(TimelineStepView),
  /** Documents the actor may read, by kind and status only: the morning view shows no content. */
  documents: z.array(z.object({
    _id: id, kind: z.enum(POORTWACHTER_DOCUMENT_KINDS), status: z.enum(POORTWACHTER_DOCUMENT_STATUSES), updatedAt: timestamp,
  })),
});
export const TodayView = z.object({ today: z.string(), cases: z.array(TodayCase) });
export type TodayView = z.infer<typeof TodayView>;
