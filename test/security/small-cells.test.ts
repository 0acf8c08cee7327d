import { expect } from 'chai';
import fc from 'fast-check';
import { FigureSet, MIN_GROUP, type Cell } from '../../server/src/modules/statistics/smallCells';
import { derivedFigures } from '../helpers/differencing';

/** A table of client counts with its totals, named so that tables built with the same `shared` prefix share their column totals. */
interface Counts {
  name: string;
  counts: number[][];
}

const cell = (n: number): Cell => ({ value: n, clients: n });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function addCounts(figures: FigureSet, { name, counts }: Counts, shared = 'columns') {
  const columns = counts[0]!.length;
  figures.table({
    cells: counts.map((row) => row.map(cell)),
    cellKey: (r, c) => `${name}:${r}:${c}`,
    rowTotals: counts.map((row) => cell(sum(row))),
    rowKey: (r) => `${name}:row${r}`,
    columnTotals: [...Array(columns).keys()].map((c) => cell(sum(counts.map((row) => row[c]!)))),
    columnKey: (c) => `${shared}:${c}`,
    total: cell(sum(counts.flat())),
    totalKey: `${shared}:total`,
  });
}

/** Every equation an attacker can write down for these tables, as [key of each part], key of the sum. */
function equations(tables: Counts[], shared = 'columns'): { parts: string[]; sum: string }[] {
  return tables.flatMap(({ name, counts }) => {
    const columns = counts[0]!.length;
    return [
      ...counts.map((row, r) => ({ parts: row.map((_, c) => `${name}:${r}:${c}`), sum: `${name}:row${r}` })),
      ...[...Array(columns).keys()].map((c) => ({ parts: counts.map((_, r) => `${name}:${r}:${c}`), sum: `${shared}:${c}` })),
      { parts: counts.map((_, r) => `${name}:row${r}`), sum: `${shared}:total` },
      { parts: [...Array(columns).keys()].map((c) => `${shared}:${c}`), sum: `${shared}:total` },
    ];
  });
}

function protect(tables: Counts[]) {
  const figures = new FigureSet();
  for (const table of tables) addCounts(figures, table);
  const shown = figures.protect();
  const keys = [...new Set(equations(tables).flatMap(({ parts, sum: total }) => [...parts, total]))];
  return {
    shown,
    shownValues: keys.map(shown).filter((value): value is number => value !== null),
    // A hidden zero the totals give away says only that nobody is in that group; anything else is a disclosure.
    disclosed: derivedFigures(equations(tables), new Map(keys.map((key) => [key, shown(key)])))
      .filter(({ value }) => value !== 0).map(({ key }) => key),
  };
}

describe('management figures from anonymous data', () => {
  it('hide a group of fewer than five clients, and a total minus the shown cells does not reveal it', () => {
    // Outcomes of two kinds of trajectory: 3 of one kind went back to other work; every other group is large.
    const { shown, disclosed } = protect([{ name: 'kind', counts: [[12, 3], [9, 8]] }]);
    expect(shown('kind:0:1')).to.equal(null);
    // Row 0's total is 15 and its other cell 12: showing both would give the 3 away.
    expect(shown('kind:0:0') === null || shown('kind:row0') === null).to.equal(true);
    expect(disclosed).to.deep.equal([]);
  });

  it('hide what a shown total minus its shown parts would say about a small group', () => {
    // 7 trajectories of one employer, 6 back in their own work: 7 − 6 says one did not, whatever cell it is in.
    const { shown, disclosed } = protect([{ name: 'employer', counts: [[6, 1, 0, 0], [30, 9, 8, 7]] }]);
    expect(shown('employer:0:0') !== null && shown('employer:row0') !== null).to.equal(false);
    expect(disclosed).to.deep.equal([]);
  });

  it('hide a small total too, and everything it would let one work out', () => {
    const { shown, shownValues, disclosed } = protect([{ name: 'kind', counts: [[2, 1, 0], [20, 30, 40]] }]);
    expect(shown('kind:row0')).to.equal(null);
    expect(shownValues.every((value) => value >= MIN_GROUP)).to.equal(true);
    expect(disclosed).to.deep.equal([]);
  });

  it('show a table of large groups whole', () => {
    const { shown } = protect([{ name: 'kind', counts: [[10, 7], [6, 25]] }]);
    expect([shown('kind:0:0'), shown('kind:0:1'), shown('kind:1:0'), shown('kind:1:1'), shown('columns:total')]).to.deep.equal([10, 7, 6, 25, 48]);
  });

  it('protect two tables of the same clients together, so one cannot undo the other', () => {
    // The same 40 trajectories by kind and by employer, with outcomes as columns: a column total that one table
    // must hide to protect its small cell may not be shown by the other.
    const tables = [
      { name: 'kind', counts: [[10, 4, 6], [12, 8, 0]] },
      { name: 'employer', counts: [[15, 6, 1], [7, 6, 5]] },
    ];
    const { shownValues, disclosed } = protect(tables);
    expect(shownValues.every((value) => value >= MIN_GROUP)).to.equal(true);
    expect(disclosed).to.deep.equal([]);
  });

  it('protect sums (hours) by the number of clients behind them, not by their size', () => {
    const figures = new FigureSet();
    figures.table({
      cells: [[{ value: 600, clients: 2 }, { value: 900, clients: 7 }]],
      cellKey: (r, c) => `hours:${r}:${c}`,
      rowTotals: [{ value: 1500, clients: 8 }],
      rowKey: (r) => `hours:row${r}`,
      columnTotals: [{ value: 600, clients: 2 }, { value: 900, clients: 7 }],
      columnKey: (c) => `hours:col${c}`,
      total: { value: 1500, clients: 8 },
      totalKey: 'hours:total',
    });
    const shown = figures.protect();
    expect(shown('hours:0:0')).to.equal(null);
    expect(shown('hours:col0')).to.equal(null);
    // 1,500 minutes shown beside 900 would give away the 600 of the two clients.
    expect(shown('hours:row0') === null || shown('hours:0:1') === null).to.equal(true);
  });

  it('never show a figure about fewer than five clients, nor one that can be derived, whatever the tables', () => {
    const counts = (columns: number) => fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 40 })), { minLength: columns, maxLength: columns }),
      { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((columns) => fc.tuple(counts(columns), counts(columns))),
        ([first, second]) => {
          // Two tables only share totals when they count the same clients: rescale the second's columns to match.
          const columnSums = first[0]!.map((_, c) => sum(first.map((row) => row[c]!)));
          const rebalanced = second.map((row) => [...row]);
          rebalanced.push(columnSums.map((target, c) => Math.max(0, target - sum(second.map((row) => row[c]!)))));
          const firstExtended = first.map((row) => [...row]);
          firstExtended.push(columnSums.map((target, c) => Math.max(0, sum(second.map((row) => row[c]!)) - target)));
          const { shownValues, disclosed } = protect([{ name: 'a', counts: firstExtended }, { name: 'b', counts: rebalanced }]);
          expect(shownValues.every((value) => value >= MIN_GROUP)).to.equal(true);
          expect(disclosed).to.deep.equal([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
