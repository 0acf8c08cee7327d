import { expect } from 'chai';
import { Client } from '../../server/src/db/models/client';
import { Activity } from '../../server/src/modules/activities/model';
import { ManagementFigure } from '../../server/src/modules/erasure/model';
import type { FigureTable, ManagementFiguresView } from '@spoorboek/shared/schemas/statistics';
import { testApp, type TestApp } from '../helpers/app';
import { derivedFigures, type Equation } from '../helpers/differencing';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

/** Which tables count the same population, and so share which totals (what an attacker can rely on). */
const SHARED: Record<string, { rows: string; columns: string; total: string }> = {
  outcomesByKind: { rows: 'kind', columns: 'outcome', total: 'trajectories' },
  leadTimesByKind: { rows: 'kind', columns: 'leadTime', total: 'trajectories' },
  outcomesByEmployer: { rows: 'outcomesByEmployer:rows', columns: 'outcome', total: 'trajectories' },
  outcomesByCoach: { rows: 'outcomesByCoach:rows', columns: 'outcome', total: 'trajectories' },
  hoursByMonth: { rows: 'hoursByMonth:rows', columns: 'activityKind', total: 'minutes' },
  hoursByEmployer: { rows: 'hoursByEmployer:rows', columns: 'activityKind', total: 'minutes' },
  hoursByCoach: { rows: 'hoursByCoach:rows', columns: 'activityKind', total: 'minutes' },
};

/** Every figure of every table under a key that is the same for figures the tables share, and the sums between them. */
function attackersView(tables: FigureTable[]) {
  const values = new Map<string, number | null>();
  const equations: Equation[] = [];
  for (const table of tables) {
    const shared = SHARED[table.id]!;
    const cell = (r: number, c: number) => `${table.id}:${table.rows[r]!.key}:${table.columns[c]!.key}`;
    const row = (r: number) => `${shared.rows}:${table.rows[r]!.key}`;
    const column = (c: number) => `${shared.columns}:${table.columns[c]!.key}`;
    table.cells.forEach((cells, r) => cells.forEach((value, c) => values.set(cell(r, c), value)));
    table.rowTotals.forEach((value, r) => values.set(row(r), value));
    table.columnTotals.forEach((value, c) => values.set(column(c), value));
    values.set(shared.total, table.total);
    table.rows.forEach((_, r) => equations.push({ parts: table.columns.map((__, c) => cell(r, c)), sum: row(r) }));
    table.columns.forEach((_, c) => equations.push({ parts: table.rows.map((__, r) => cell(r, c)), sum: column(c) }));
    equations.push({ parts: table.rows.map((_, r) => row(r)), sum: shared.total });
    equations.push({ parts: table.columns.map((_, c) => column(c)), sum: shared.total });
  }
  // A hidden zero the totals give away says only that nobody is in that group; anything else is a disclosure.
  return { values, disclosed: derivedFigures(equations, values).filter(({ value }) => value !== 0) };
}

describe('management figures', () => {
  let t: TestApp;
  let world: World;
  let admin: Api;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    admin = await apiAs(t.app, t.config, world.users.admin);
  });

  let count = 0;
  /** A client whose trajectory ended, taken in and closed through the API as the administrator would. */
  async function anEndedTrajectory(employer: 'vos' | 'el', kind: string, outcome: string, ended = '2025-06-30') {
    const created = await admin.post('/api/v1/clients', {
      firstName: 'Oud', lastName: `Traject ${String.fromCharCode(97 + (count++ % 26))}`,
      employerId: String(world.organisations[employer]._id), coachId: String(world.users.anna._id),
      trajectory: { kind, status: 'completed', startDate: '2024-01-15', endDate: ended, outcome },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body._id as string;
  }

  it('counts the year’s ended trajectories and hours, shows no group under five and nothing the totals give away', async function () {
    this.timeout(120_000);
    // A world built to tempt differencing: Bakkerij Vos has 14 ended trajectories of which 5 without return to
    // work; Transport El 6, all back in their own work; one 1e-spoor trajectory of Vos stands alone.
    const vos: string[] = [];
    for (let i = 0; i < 9; i++) vos.push(await anEndedTrajectory('vos', 'spoor2', 'own_work'));
    for (let i = 0; i < 5; i++) vos.push(await anEndedTrajectory('vos', 'spoor2', 'no_return'));
    for (let i = 0; i < 6; i++) await anEndedTrajectory('el', 'spoor2', 'own_work');
    await anEndedTrajectory('vos', 'spoor1', 'adapted_work');
    await anEndedTrajectory('vos', 'spoor2', 'no_return', '2024-12-31'); // another year: not counted
    // Hours: seven of Vos's clients had a consult in March, five of El's were phoned; one e-mail in April.
    const el = (await admin.get('/api/v1/clients?pageSize=100').expect(200)).body.items
      .filter((client: { employerId: string }) => client.employerId === String(world.organisations.el._id))
      .map((client: { _id: string }) => client._id);
    for (const clientId of vos.slice(0, 7)) {
      await Activity.create({ clientId, authorId: world.users.anna._id, date: new Date('2025-03-10'), kind: 'consult', minutes: 60 });
    }
    for (const clientId of el.slice(0, 5)) {
      await Activity.create({ clientId, authorId: world.users.anna._id, date: new Date('2025-03-11'), kind: 'phone', minutes: 15 });
    }
    await Activity.create({ clientId: vos[0], authorId: world.users.anna._id, date: new Date('2025-04-02'), kind: 'email', minutes: 10 });

    const { body } = await admin.get('/api/v1/management-figures?year=2025').expect(200);
    const figures = body as ManagementFiguresView;
    expect(figures.minGroup).to.equal(5);
    const table = (id: string) => figures.tables.find((candidate) => candidate.id === id)!;
    const byKind = table('outcomesByKind');
    const at = (t2: FigureTable, row: string, column: string) =>
      t2.cells[t2.rows.findIndex((r) => r.key === row)]![t2.columns.findIndex((c) => c.key === column)];

    // What may be shown is shown: 15 went back to their own work after a 2e-spoor trajectory, 6 of them at El.
    expect(at(byKind, 'spoor2', 'own_work')).to.equal(15);
    expect(byKind.total).to.equal(21); // not the trajectory that ended in 2024
    const byEmployer = table('outcomesByEmployer');
    expect(at(byEmployer, String(world.organisations.el._id), 'own_work')).to.equal(6);
    // What is about fewer than five clients is not, nor what would give it away.
    expect(at(byKind, 'spoor1', 'adapted_work')).to.equal(null);
    expect(at(byKind, 'spoor1', 'own_work')).to.equal(null);
    expect(at(byEmployer, String(world.organisations.vos._id), 'adapted_work')).to.equal(null);
    const hours = table('hoursByMonth');
    expect(at(hours, '4', 'email')).to.equal(null);
    expect(at(hours, '3', 'consult') === 7 || at(hours, '3', 'phone') === 1.3).to.equal(true);

    for (const t2 of figures.tables.filter((candidate) => candidate.unit === 'trajecten')) {
      // A count shown is about five or more trajectories; so is a shown total minus its shown parts.
      const shown = [...t2.cells.flat(), ...t2.rowTotals, ...t2.columnTotals, t2.total].filter((value) => value !== null);
      expect(shown.every((value) => value! >= 5), t2.id).to.equal(true);
      const lines = [
        ...t2.cells.map((cells, r) => ({ parts: cells, sum: t2.rowTotals[r]! })),
        ...t2.columns.map((_, c) => ({ parts: t2.cells.map((cells) => cells[c]!), sum: t2.columnTotals[c]! })),
        { parts: t2.rowTotals, sum: t2.total }, { parts: t2.columnTotals, sum: t2.total },
      ];
      for (const { parts, sum } of lines.filter((line) => line.sum !== null && line.parts.includes(null))) {
        const residual = sum! - parts.reduce<number>((total, part) => total + (part ?? 0), 0);
        expect(residual === 0 || residual >= 5, `${t2.id}: ${sum} minus shown parts ${JSON.stringify(parts)}`).to.equal(true);
      }
    }
    // The attacker holds every table at once and knows which totals they share: no hidden figure follows.
    expect(attackersView(figures.tables).disclosed).to.deep.equal([]);
  });

  it('leave out clients who objected, and keep counting erased clients from their anonymous figures', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 6; i++) await anEndedTrajectory('vos', 'spoor2', 'own_work');
    const objector = await anEndedTrajectory('vos', 'spoor2', 'own_work');
    await Client.updateOne({ _id: objector }, { $set: { 'objections.managementFigures': new Date() } });
    await Activity.create({ clientId: objector, authorId: world.users.anna._id, date: new Date('2025-03-10'), kind: 'consult', minutes: 600 });
    // Five erased clients: what erasure keeps — kind, year, duration, outcome — and no one's name or employer.
    await ManagementFigure.insertMany([...Array(5).keys()].map(() => ({
      trajectoryKind: 'spoor3', year: 2024, endYear: 2025, durationDays: 200, status: 'completed', outcome: 'work_other_employer',
    })));

    const { body } = await admin.get('/api/v1/management-figures?year=2025').expect(200);
    const figures = body as ManagementFiguresView;
    const table = (id: string) => figures.tables.find((candidate) => candidate.id === id)!;
    const at = (t2: FigureTable, row: string, column: string) =>
      t2.cells[t2.rows.findIndex((r) => r.key === row)]?.[t2.columns.findIndex((c) => c.key === column)];
    expect(at(table('outcomesByKind'), 'spoor2', 'own_work')).to.equal(6); // not 7: one objected
    expect(at(table('outcomesByKind'), 'spoor3', 'work_other_employer')).to.equal(5);
    const byEmployer = table('outcomesByEmployer');
    expect(byEmployer.rows.map((row) => row.label)).to.include('Gewiste cliënten');
    expect(at(byEmployer, 'erased', 'work_other_employer')).to.equal(5);
    expect(table('hoursByMonth').total).to.equal(null); // the objector's ten hours are not counted, and nothing else was
    expect(attackersView(figures.tables).disclosed).to.deep.equal([]);
  });

  it('are the administrator’s only, and their reading is audited', async () => {
    await admin.get('/api/v1/management-figures?year=2025').expect(200);
    for (const user of [world.users.anna, world.users.privacy, world.users.hrVos, world.users.claes, world.users.janUser]) {
      const other = await apiAs(t.app, t.config, user);
      await other.get('/api/v1/management-figures?year=2025').expect(403);
    }
    const audit = await apiAs(t.app, t.config, world.users.privacy);
    const events = (await audit.get('/api/v1/audit?action=read').expect(200)).body.items as { object?: { type?: string }; reason?: string }[];
    expect(events.some((event) => event.object?.type === 'ManagementFigures')).to.equal(true);
    await admin.get('/api/v1/management-figures?year=1999').expect(400);
    await admin.get('/api/v1/management-figures?year=2025-Q1').expect(400);
  });

  it('need the outcome and end date when a trajectory is closed', async () => {
    const path = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const refused = await anna.patch(path, { trajectory: { kind: 'spoor2', status: 'completed', startDate: '2026-03-01' } }).expect(400);
    const fields = (refused.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).to.include.members(['body.trajectory.endDate', 'body.trajectory.outcome']);
    const closed = await anna.patch(path, {
      trajectory: { kind: 'spoor2', status: 'completed', startDate: '2026-03-01', endDate: '2026-11-20', outcome: 'adapted_work' },
    }).expect(200);
    expect(closed.body.trajectory).to.include({ status: 'completed', outcome: 'adapted_work' });
    await anna.patch(path, { trajectory: { kind: 'spoor2', status: 'active', startDate: '2026-03-01', outcome: 'own_work' } }).expect(400);
  });
});
