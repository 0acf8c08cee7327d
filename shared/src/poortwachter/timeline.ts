/**
 * The Poortwachter timeline: the legal steps of a sickness case and their deadlines, computed from the first sick
 * day in calendar days (Europe/Amsterdam), so that the server and the screens draw the same timeline.
 *
 * Week n of the case is the seven days starting on the first sick day + 7·(n − 1): the first sick day is day 1 of
 * week 1. "Uiterlijk in week n" therefore ends on day 7·n, the last day of week n.
 *
 * Sources (by title): Wet verbetering poortwachter; Regeling procesgang eerste en tweede ziektejaar (probleemanalyse
 * in week 6, plan van aanpak in week 8, its periodic evaluation, the eerstejaarsevaluatie); Ziektewet art. 38
 * (ziekmelding bij UWV uiterlijk op de eerste werkdag na de 42e ziekteweek); Wet WIA art. 64 (the WIA application)
 * and art. 24 and 25 lid 9 (uitstel on joint request, loonsanctie of at most 52 weeks); Burgerlijk Wetboek
 * art. 7:629 (104 weeks of wage continuation).
 */
import { addDays, daysBetween, weekday, type CalendarDay } from './calendar';

export const STEP_KEYS = [
  'problem_analysis', // probleemanalyse
  'action_plan', // plan van aanpak
  'evaluation', // evaluatie (bijstelling) van het plan van aanpak
  'uwv_notification', // ziekmelding bij UWV (42e-weeksmelding)
  'first_year_evaluation', // eerstejaarsevaluatie
  'wia_letter', // brief van UWV over de WIA-aanvraag
  'wia_application', // WIA-aanvraag met re-integratieverslag
  'wage_end', // einde loondoorbetaling
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** Steps marked done by hand (the others are done when their document is released or agreed). */
export const MANUAL_STEPS = ['uwv_notification', 'wia_letter', 'wia_application'] as const;
export type ManualStep = (typeof MANUAL_STEPS)[number];

export const STEP_STATUSES = ['on_time', 'soon', 'late', 'done', 'lapsed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  on_time: 'op tijd', soon: 'binnenkort', late: 'te laat', done: 'gedaan', lapsed: 'vervallen',
};

export const RESPONSIBLES = ['company_doctor', 'employer', 'employee', 'uwv'] as const;
export type Responsible = (typeof RESPONSIBLES)[number];
export const RESPONSIBLE_LABELS: Record<Responsible, string> = {
  company_doctor: 'bedrijfsarts', employer: 'werkgever', employee: 'werknemer', uwv: 'UWV',
};

export const EXTENSION_KINDS = ['loonsanctie', 'uitstel'] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];
/** Wet WIA art. 25 lid 9: UWV extends wage continuation by at most 52 weeks. */
export const MAX_LOONSANCTIE_WEEKS = 52;

/** A step is "binnenkort" from two weeks before its deadline. */
export const SOON_DAYS = 14;
/** The plan van aanpak is evaluated at least once every six weeks. */
export const EVALUATION_INTERVAL_DAYS = 42;

interface StepDefinition {
  label: string;
  /** The week the law names, for display ("week 6"). */
  week: number;
  responsible: Responsible[];
  basis: string;
  /** Whether an extension (loonsanctie, uitstel) moves the step. */
  extends: boolean;
}

export const STEPS: Record<StepKey, StepDefinition> = {
  problem_analysis: {
    label: 'Probleemanalyse', week: 6, responsible: ['company_doctor'], extends: false,
    basis: 'Regeling procesgang eerste en tweede ziektejaar: de bedrijfsarts stelt de probleemanalyse op uiterlijk in de zesde week.',
  },
  action_plan: {
    label: 'Plan van aanpak', week: 8, responsible: ['employer', 'employee'], extends: false,
    basis: 'Regeling procesgang eerste en tweede ziektejaar: werkgever en werknemer stellen het plan van aanpak op uiterlijk in de achtste week.',
  },
  evaluation: {
    label: 'Evaluatie plan van aanpak', week: 14, responsible: ['employer', 'employee'], extends: false,
    basis: 'Regeling procesgang eerste en tweede ziektejaar: het plan van aanpak wordt periodiek geëvalueerd en zo nodig bijgesteld, ten minste eens per zes weken.',
  },
  uwv_notification: {
    label: 'Ziekmelding bij UWV', week: 42, responsible: ['employer'], extends: false,
    basis: 'Ziektewet, artikel 38: de werkgever meldt de werknemer ziek bij UWV uiterlijk op de eerste werkdag na de 42e ziekteweek.',
  },
  first_year_evaluation: {
    label: 'Eerstejaarsevaluatie', week: 52, responsible: ['employer', 'employee'], extends: false,
    basis: 'Regeling procesgang eerste en tweede ziektejaar: werkgever en werknemer evalueren het eerste ziektejaar, tussen week 46 en week 52.',
  },
  wia_letter: {
    label: 'Brief van UWV over de WIA-aanvraag', week: 88, responsible: ['uwv'], extends: true,
    basis: 'Wet WIA: UWV stuurt de werknemer rond week 88 de brief over de aanvraag van een WIA-uitkering.',
  },
  wia_application: {
    label: 'WIA-aanvraag met re-integratieverslag', week: 91, responsible: ['employee', 'employer'], extends: true,
    basis: 'Wet WIA, artikel 64, en Wet verbetering poortwachter: de werknemer vraagt de WIA-uitkering aan met het re-integratieverslag; ' +
      'uiterlijk in week 93, Spoorboek plant week 91 zodat er twee weken ruimte blijft.',
  },
  wage_end: {
    label: 'Einde loondoorbetaling', week: 104, responsible: ['employer'], extends: true,
    basis: 'Burgerlijk Wetboek, artikel 7:629: 104 weken loondoorbetaling bij ziekte; verlengd met een loonsanctie (Wet WIA, artikel 25 lid 9) of uitstel (artikel 24).',
  },
};

export interface TimelineInput {
  firstSickDay: CalendarDay;
  /** The first day the employee is fully fit again: the case ends, later steps lapse. */
  fullRecoveryOn?: CalendarDay | null;
  extensions?: { kind: ExtensionKind; weeks: number }[];
  /** When each step was done; evaluations are a list. */
  done?: Partial<Record<Exclude<StepKey, 'evaluation' | 'wage_end'>, CalendarDay | null>> & { evaluations?: CalendarDay[] };
  /** Today in Europe/Amsterdam (`amsterdamDay(new Date())`). */
  today: CalendarDay;
}

export interface TimelineStep {
  key: StepKey;
  label: string;
  /**
   * The week the law names (after extensions): "week 42" for the UWV ziekmelding, although its deadline is the
   * working day after that week; for an evaluation, the week its deadline falls in.
   */
  week: number;
  /** The first day of a window (eerstejaarsevaluatie: week 46), else null. */
  opensOn: CalendarDay | null;
  due: CalendarDay;
  done: CalendarDay | null;
  responsible: Responsible[];
  status: StepStatus;
  /** Done, but after its deadline. */
  doneLate: boolean;
  basis: string;
}

export interface Timeline {
  firstSickDay: CalendarDay;
  today: CalendarDay;
  /** The case's week today (1 on the first sick day); 0 before it; frozen at the last sick day once recovered. */
  week: number;
  extensionWeeks: number;
  closedOn: CalendarDay | null;
  steps: TimelineStep[];
  /** The first step still to do, by deadline. */
  next: TimelineStep | null;
}

/** The last day of week n: day 7·n counted from the first sick day as day 1. */
export function endOfWeek(firstSickDay: CalendarDay, week: number): CalendarDay {
  return addDays(firstSickDay, 7 * week - 1);
}

/** The first day of week n. */
export function startOfWeek(firstSickDay: CalendarDay, week: number): CalendarDay {
  return addDays(firstSickDay, 7 * (week - 1));
}

/** Which week of the case a day falls in (1 on the first sick day), 0 before the case. */
export function weekOf(firstSickDay: CalendarDay, day: CalendarDay): number {
  const days = daysBetween(firstSickDay, day);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

/** Saturday or Sunday moves to the Monday after (UWV: "de eerste werkdag"; public holidays are not counted). */
function firstWorkingDayFrom(day: CalendarDay): CalendarDay {
  const dow = weekday(day);
  return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
}

export function computeTimeline(input: TimelineInput): Timeline {
  const { firstSickDay, today } = input;
  const closedOn = input.fullRecoveryOn ?? null;
  const done = input.done ?? {};
  const extensionWeeks = (input.extensions ?? []).reduce((sum, extension) => sum + extension.weeks, 0);
  const steps: TimelineStep[] = [];

  const status = (due: CalendarDay, doneOn: CalendarDay | null): StepStatus => {
    if (doneOn) return 'done';
    // Fit again on or before the deadline: the obligation ended while it was still running.
    if (closedOn && daysBetween(closedOn, due) >= 0) return 'lapsed';
    const left = daysBetween(today, due);
    if (left < 0) return 'late';
    return left <= SOON_DAYS ? 'soon' : 'on_time';
  };
  const add = (key: StepKey, due: CalendarDay, doneOn: CalendarDay | null, opensOn: CalendarDay | null = null) => {
    const definition = STEPS[key];
    steps.push({
      key, label: definition.label, opensOn, due, done: doneOn,
      week: key === 'evaluation' ? weekOf(firstSickDay, due) : definition.week + (definition.extends ? extensionWeeks : 0),
      responsible: definition.responsible, status: status(due, doneOn),
      doneLate: doneOn !== null && daysBetween(due, doneOn) > 0, basis: definition.basis,
    });
  };
  const extended = (week: number) => endOfWeek(firstSickDay, week + extensionWeeks);

  add('problem_analysis', endOfWeek(firstSickDay, 6), done.problem_analysis ?? null);
  const actionPlanDue = endOfWeek(firstSickDay, 8);
  add('action_plan', actionPlanDue, done.action_plan ?? null);

  const wageEnd = extended(104);
  // Each evaluation is due six weeks after the plan (or the evaluation before it); one more is planned ahead.
  let anchor = done.action_plan ?? actionPlanDue;
  for (const evaluation of [...(done.evaluations ?? [])].sort()) {
    if (daysBetween(anchor, evaluation) < 0) continue; // an evaluation before the plan is not one of its evaluations
    add('evaluation', addDays(anchor, EVALUATION_INTERVAL_DAYS), evaluation);
    anchor = evaluation;
  }
  const nextEvaluation = addDays(anchor, EVALUATION_INTERVAL_DAYS);
  if (daysBetween(nextEvaluation, wageEnd) > 0 && !(closedOn && daysBetween(closedOn, nextEvaluation) >= 0)) {
    add('evaluation', nextEvaluation, null);
  }

  add('uwv_notification', firstWorkingDayFrom(addDays(endOfWeek(firstSickDay, 42), 1)), done.uwv_notification ?? null);
  add('first_year_evaluation', endOfWeek(firstSickDay, 52), done.first_year_evaluation ?? null, startOfWeek(firstSickDay, 46));
  add('wia_letter', extended(88), done.wia_letter ?? null);
  add('wia_application', extended(91), done.wia_application ?? null);
  // The end of wage continuation is not a task: once the day has come, it has happened.
  add('wage_end', wageEnd, daysBetween(wageEnd, today) >= 0 ? wageEnd : null);

  steps.sort((a, b) => daysBetween(b.due, a.due));
  const lastSickDay = closedOn ? addDays(closedOn, -1) : today;
  return {
    firstSickDay, today, week: weekOf(firstSickDay, daysBetween(lastSickDay, today) > 0 ? lastSickDay : today),
    extensionWeeks, closedOn, steps,
    next: steps.find((step) => step.status !== 'done' && step.status !== 'lapsed') ?? null,
  };
}
