/** The Dutch headings of the management figures. */
import type { ActivityKind, TrajectoryKind, TrajectoryOutcome } from '@spoorboek/shared/domain';

export const LABELS = {
  trajectoryKinds: {
    spoor1: '1e spoor', spoor2: '2e spoor', spoor3: '3e spoor', outplacement: 'Outplacement', career_guidance: 'Loopbaanbegeleiding',
  } satisfies Record<TrajectoryKind, string>,
  outcomes: {
    own_work: 'Eigen werk', adapted_work: 'Aangepast werk', other_work_same_employer: 'Ander werk, eigen werkgever',
    work_other_employer: 'Werk bij andere werkgever', no_return: 'Geen werkhervatting', other: 'Anders',
  } satisfies Record<TrajectoryOutcome, string>,
  activityKinds: {
    consult: 'Gesprek', phone: 'Telefoon', email: 'E-mail', test: 'Test', training: 'Training', application: 'Sollicitatie', other: 'Overig',
  } satisfies Record<ActivityKind, string>,
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};
