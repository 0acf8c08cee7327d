/**
 * Management information (managementinformatie) from anonymous data only (Privacyverklaring Ros Loopbaan): per
 * calendar year, the trajectories that ended by kind, outcome, lead time, employer and coach, and the hours
 * registered by month, activity kind, employer and coach. No dossier content is read; every figure about fewer
 * than five clients, and every figure the totals would give away, is hidden (`smallCells.ts`). Tables that count
 * the same clients share their totals, so one table cannot be used to undo another's protection.
 */
import { ACTIVITY_KINDS, TRAJECTORY_ENDED_STATUSES, TRAJECTORY_KINDS, TRAJECTORY_OUTCOMES } from '@spoorboek/shared/domain';
import type { FigureTable, ManagementFiguresView } from '@spoorboek/shared/schemas/statistics';
import mongoose from 'mongoose';
import { Client } from '../../db/models/client';
import { Organisation } from '../../db/models/organisation';
import { User } from '../../db/models/user';
import { auditAccess, authorize, type RequestActor } from '../../policy/enforce';
import * as activities from '../activities/service';
import * as erasure from '../erasure/service';
import { LABELS } from './labels';
import { FigureSet, MIN_GROUP, type Cell } from './smallCells';

/** Lead time from start to end of a trajectory, in whole months. */
const LEAD_TIMES = [
  { key: 'lt3', label: 'korter dan 3 maanden', below: 3 },
  { key: 'lt6', label: '3 tot 6 maanden', below: 6 },
  { key: 'lt12', label: '6 tot 12 maanden', below: 12 },
  { key: 'lt24', label: '12 tot 24 maanden', below: 24 },
  { key: 'ge24', label: '24 maanden of langer', below: Infinity },
] as const;

const NO_EMPLOYER = { key: 'none', label: 'Geen werkgever' };
/** Erased clients count on, anonymously, without employer or coach. */
const ERASED = { key: 'erased', label: 'Gewiste cliënten' };

interface Heading { key: string; label: string }

/** One fact per item counted: which client it is about, where it falls, and its value (1 for a count). */
interface Fact { clientId: string; row: string; column: string; value: number }

export async function figures(actor: RequestActor, year: number): Promise<ManagementFiguresView> {
  await authorize(actor, 'read', 'ManagementFigures', {});
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const [ended, allRegistered, names] = await Promise.all([endedTrajectories(from, to), activities.minutesInPeriod(from, to), headings()]);
  const objecting = await objectors(allRegistered.map((activity) => activity.clientId));
  const registered = allRegistered.filter((activity) => !objecting.has(activity.clientId));

  const set = new FigureSet();
  const kinds = TRAJECTORY_KINDS.map((key) => ({ key, label: LABELS.trajectoryKinds[key] }));
  const outcomes = TRAJECTORY_OUTCOMES.map((key) => ({ key, label: LABELS.outcomes[key] }));
  const activityKinds = ACTIVITY_KINDS.map((key) => ({ key, label: LABELS.activityKinds[key] }));
  const employersOf = (ids: (string | null)[]) => headingsFor(ids, names.employers, NO_EMPLOYER);
  const coachesOf = (ids: (string | null)[]) => headingsFor(ids, names.coaches, { key: 'none', label: 'Geen coach' });
  const months = [...Array(12).keys()].map((m) => ({ key: String(m + 1), label: LABELS.months[m]! }));
  const clientEmployer = new Map<string, string | null>();
  for (const [clientId, employerId] of await employersOfClients(registered.map((a) => a.clientId))) clientEmployer.set(clientId, employerId);

  // The trajectories that ended this year: one population, counted five ways.
  const trajectories = (row: (t: (typeof ended)[number]) => string, column: (t: (typeof ended)[number]) => string): Fact[] =>
    ended.map((t) => ({ clientId: t.clientId, row: row(t), column: column(t), value: 1 }));
  const byOutcome = (t: (typeof ended)[number]) => t.outcome;
  const tables: FigureTable[] = [
    table(set, 'outcomesByKind', 'Beëindigde trajecten naar soort en uitkomst', 'trajecten', kinds, outcomes,
      trajectories((t) => t.kind, byOutcome), { rows: 'kind', columns: 'outcome', total: 'trajectories' }),
    table(set, 'leadTimesByKind', 'Doorlooptijd van beëindigde trajecten', 'trajecten', kinds, [...LEAD_TIMES],
      trajectories((t) => t.kind, (t) => leadTime(t.leadMonths)), { rows: 'kind', columns: 'leadTime', total: 'trajectories' }),
    table(set, 'outcomesByEmployer', 'Beëindigde trajecten naar werkgever en uitkomst', 'trajecten',
      employersOf(ended.map((t) => t.employerId)), outcomes,
      trajectories((t) => t.employerId ?? 'none', byOutcome), { rows: 'employer', columns: 'outcome', total: 'trajectories' }),
    table(set, 'outcomesByCoach', 'Beëindigde trajecten naar coach en uitkomst', 'trajecten',
      coachesOf(ended.map((t) => t.coachId)), outcomes,
      trajectories((t) => t.coachId ?? 'none', byOutcome), { rows: 'coach', columns: 'outcome', total: 'trajectories' }),
  ];

  // The hours registered this year: another population, counted three ways.
  const hours = (row: (a: (typeof registered)[number]) => string): Fact[] =>
    registered.map((a) => ({ clientId: a.clientId, row: row(a), column: a.kind, value: a.minutes }));
  tables.push(
    table(set, 'hoursByMonth', 'Geregistreerde uren per maand en soort activiteit', 'uren', months, activityKinds,
      hours((a) => String(a.date.getUTCMonth() + 1)), { rows: 'month', columns: 'activityKind', total: 'minutes' }),
    table(set, 'hoursByEmployer', 'Geregistreerde uren per werkgever en soort activiteit', 'uren',
      employersOf(registered.map((a) => clientEmployer.get(a.clientId) ?? null)), activityKinds,
      hours((a) => clientEmployer.get(a.clientId) ?? 'none'), { rows: 'hoursEmployer', columns: 'activityKind', total: 'minutes' }),
    table(set, 'hoursByCoach', 'Geregistreerde uren per coach en soort activiteit', 'uren',
      coachesOf(registered.map((a) => a.authorId)), activityKinds,
      hours((a) => a.authorId), { rows: 'hoursCoach', columns: 'activityKind', total: 'minutes' }),
  );

  const shown = set.protect(MIN_GROUP);
  await auditAccess(actor, 'read', 'ManagementFigures', { outcome: 'allowed', reason: `jaar ${year}` });
  return { year, minGroup: MIN_GROUP, tables: tables.map((t) => reveal(t, shown)) };
}

/**
 * Adds one table to the figure set and returns its skeleton with the keys of its figures in place of values.
 * `keys.rows`/`keys.columns` name the margins: tables that give the same name count the same totals.
 */
function table(
  set: FigureSet, id: string, title: string, unit: FigureTable['unit'], rows: Heading[], columns: Heading[], facts: Fact[],
  keys: { rows: string; columns: string; total: string },
): FigureTable {
  const cellOf = (select: (fact: Fact) => boolean): Cell => {
    const selected = facts.filter(select);
    const members = new Set(selected.map((fact) => fact.clientId));
    return { value: selected.reduce((sum, fact) => sum + fact.value, 0), clients: members.size, members };
  };
  const cellKey = (r: number, c: number) => `${id}:${rows[r]!.key}:${columns[c]!.key}`;
  const rowKey = (r: number) => `${keys.rows}:${rows[r]!.key}`;
  const columnKey = (c: number) => `${keys.columns}:${columns[c]!.key}`;
  set.table({
    cells: rows.map((row) => columns.map((column) => cellOf((f) => f.row === row.key && f.column === column.key))),
    cellKey,
    rowTotals: rows.map((row) => cellOf((f) => f.row === row.key)),
    rowKey,
    columnTotals: columns.map((column) => cellOf((f) => f.column === column.key)),
    columnKey,
    total: cellOf(() => true),
    totalKey: keys.total,
  });
  // Carry the keys in the value slots until the protection has decided what may be shown.
  return {
    id, title, unit, rows, columns,
    cells: rows.map((_, r) => columns.map((__, c) => cellKey(r, c))) as unknown as FigureTable['cells'],
    rowTotals: rows.map((_, r) => rowKey(r)) as unknown as FigureTable['rowTotals'],
    columnTotals: columns.map((_, c) => columnKey(c)) as unknown as FigureTable['columnTotals'],
    total: keys.total as unknown as FigureTable['total'],
  };
}

function reveal(skeleton: FigureTable, shown: (key: string) => number | null): FigureTable {
  const value = (key: unknown) => {
    const figure = shown(key as string);
    return figure === null || skeleton.unit !== 'uren' ? figure : Math.round(figure / 6) / 10; // minutes → hours, one decimal
  };
  return {
    ...skeleton,
    cells: skeleton.cells.map((row) => row.map(value)),
    rowTotals: skeleton.rowTotals.map(value),
    columnTotals: skeleton.columnTotals.map(value),
    total: value(skeleton.total),
  };
}

/**
 * The trajectories that ended in the period: of the clients on file, those who did not object to use in management
 * figures (AVG art. 21); and of the erased ones, the anonymous figures kept at erasure (without employer or coach,
 * so they count in the rows "Gewiste cliënten").
 */
async function endedTrajectories(from: Date, to: Date) {
  const clients = await Client.find(
    { 'trajectory.status': mongoose.trusted({ $in: [...TRAJECTORY_ENDED_STATUSES] }), 'trajectory.endDate': mongoose.trusted({ $gte: from, $lt: to }) },
    { trajectory: 1, employerId: 1, coachId: 1, objections: 1 },
  ).lean();
  const onFile = clients.filter((client) => !client.objections?.managementFigures).map((client) => ({
    clientId: String(client._id),
    kind: client.trajectory.kind,
    outcome: client.trajectory.outcome ?? 'other',
    leadMonths: monthsBetween(client.trajectory.startDate, client.trajectory.endDate!),
    employerId: client.employerId ? String(client.employerId) : null,
    coachId: client.coachId ? String(client.coachId) : null,
  }));
  const erased = (await erasure.figuresEndedIn(from.getUTCFullYear())).map((figure) => ({
    clientId: `erased:${figure.id}`,
    kind: figure.kind,
    outcome: figure.outcome,
    leadMonths: Math.floor(figure.durationDays / 30.4375),
    employerId: ERASED.key,
    coachId: ERASED.key,
  }));
  return [...onFile, ...erased];
}

/** The clients who objected to use in management figures (AVG art. 21): their hours are left out too. */
async function objectors(clientIds: string[]): Promise<Set<string>> {
  const unique = [...new Set(clientIds)];
  if (unique.length === 0) return new Set();
  const clients = await Client.find({ _id: mongoose.trusted({ $in: unique }) }, { objections: 1 }).lean();
  return new Set(clients.filter((client) => client.objections?.managementFigures).map((client) => String(client._id)));
}

async function employersOfClients(clientIds: string[]): Promise<[string, string | null][]> {
  const unique = [...new Set(clientIds)];
  if (unique.length === 0) return [];
  const clients = await Client.find({ _id: mongoose.trusted({ $in: unique }) }, { employerId: 1 }).lean();
  return clients.map((client) => [String(client._id), client.employerId ? String(client.employerId) : null]);
}

async function headings() {
  const [employers, coaches] = await Promise.all([
    Organisation.find({ kind: 'employer' }, { name: 1 }).lean(),
    User.find({ roles: 'coach' }, { name: 1 }).lean(),
  ]);
  return {
    employers: new Map(employers.map((organisation) => [String(organisation._id), organisation.name])),
    coaches: new Map(coaches.map((user) => [String(user._id), user.name])),
  };
}

/** The rows for the ids that occur, by name, with "none" and the erased last when they occur. */
function headingsFor(ids: (string | null)[], names: Map<string, string>, none: Heading): Heading[] {
  const present = [...new Set(ids.filter((id): id is string => id !== null && id !== ERASED.key))];
  const rows = present.map((key) => ({ key, label: names.get(key) ?? 'Onbekend' })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return [...rows, ...(ids.includes(null) ? [none] : []), ...(ids.includes(ERASED.key) ? [ERASED] : [])];
}

function leadTime(months: number): string {
  return LEAD_TIMES.find((bucket) => months < bucket.below)!.key;
}

/** Whole calendar months from start to end. */
function monthsBetween(start: Date, end: Date): number {
  return (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() -
    (end.getUTCDate() < start.getUTCDate() ? 1 : 0);
}
