/**
 * Small-cell protection for management figures: no figure about fewer than `minGroup` clients is shown, and no
 * hidden figure can be worked out from the shown ones by adding and subtracting (differencing) — within a table,
 * or across tables that share their totals. Management information comes from anonymous data only
 * (Privacyverklaring Ros Loopbaan); a count of 1, 2 or 3 beside an employer's name is not anonymous.
 *
 * Method (the usual one in official statistics — primary and secondary cell suppression):
 * 1. primary: every figure, totals included, about fewer than `minGroup` clients is hidden;
 * 2. secondary: the tables' rows and columns are linear equations (parts add up to their total). A hidden figure
 *    is disclosed when the equations determine it from the shown figures; while any is, one more figure on one of
 *    its lines is hidden (the smallest, so the least information is lost). Whether a hidden figure is determined is
 *    decided exactly, by reducing the equations over the rationals.
 * 3. residual groups: a shown total minus its shown parts is the figure of the hidden parts taken together — that
 *    group must be empty or hold at least `minGroup` clients too, or one more part is hidden.
 * A zero is hidden like any group under five, but a hidden zero that the totals give away is let be: it says that
 * nobody is in that group, which discloses no one.
 */

export const MIN_GROUP = 5;

export interface Cell {
  /** The figure shown: a count of clients, or a sum such as minutes. */
  value: number;
  /** How many distinct clients the figure is about. */
  clients: number;
  /** Which clients, where parts of a line can share clients (hours of one client in several months). */
  members?: ReadonlySet<string>;
}

interface Line {
  parts: number[];
  sum: number;
}

/**
 * Figures and the sums that tie them together. A figure is known by a key; tables that share a total (the same
 * population counted two ways) name it with the same key, so the protection sees both tables at once.
 */
export class FigureSet {
  private readonly indexOf = new Map<string, number>();
  private readonly figures: Cell[] = [];
  private readonly lines: Line[] = [];

  figure(key: string, cell: Cell): number {
    const known = this.indexOf.get(key);
    if (known !== undefined) {
      if (this.figures[known]!.value !== cell.value) throw new Error(`figure ${key} given two values`);
      return known;
    }
    this.figures.push(cell);
    this.indexOf.set(key, this.figures.length - 1);
    return this.figures.length - 1;
  }

  /** `parts` add up to `sum`. */
  sum(parts: number[], sum: number): void {
    this.lines.push({ parts, sum });
  }

  /** A table of `rows` × `columns` with its margins; the keys of the margins decide what it shares. */
  table(spec: {
    cells: Cell[][];
    cellKey: (row: number, column: number) => string;
    rowTotals: Cell[];
    rowKey: (row: number) => string;
    columnTotals: Cell[];
    columnKey: (column: number) => string;
    total: Cell;
    totalKey: string;
  }): void {
    const cells = spec.cells.map((row, r) => row.map((cell, c) => this.figure(spec.cellKey(r, c), cell)));
    const rowTotals = spec.rowTotals.map((cell, r) => this.figure(spec.rowKey(r), cell));
    const columnTotals = spec.columnTotals.map((cell, c) => this.figure(spec.columnKey(c), cell));
    const total = this.figure(spec.totalKey, spec.total);
    cells.forEach((row, r) => this.sum(row, rowTotals[r]!));
    columnTotals.forEach((columnTotal, c) => this.sum(cells.map((row) => row[c]!), columnTotal));
    this.sum(rowTotals, total);
    this.sum(columnTotals, total);
  }

  /** The value of every figure that may be shown, `null` for the hidden ones, by key. */
  protect(minGroup = MIN_GROUP): (key: string) => number | null {
    const hidden = this.figures.map((figure) => figure.clients < minGroup);
    for (;;) {
      // A hidden zero that the totals give away says only that nobody is in that group: no person is disclosed.
      const exposed = firstDisclosed(this.lines, hidden, (index) => this.figures[index]!.value !== 0) ?? this.smallResidual(hidden, minGroup);
      if (exposed === undefined) break;
      // Hide one more figure: on a line through the exposed one while one is shown there, else on any line that
      // holds a hidden figure (the disclosure then runs through that line).
      const shownOn = (lines: Line[]) => lines.flatMap(({ parts, sum }) => [...parts, sum]).filter((index) => !hidden[index]);
      let candidates = shownOn(this.lines.filter(({ parts, sum }) => parts.includes(exposed) || sum === exposed));
      if (candidates.length === 0) candidates = shownOn(this.lines.filter(({ parts, sum }) => [...parts, sum].some((index) => hidden[index])));
      if (candidates.length === 0) break; // everything is hidden
      const smallest = candidates.reduce((best, index) => (this.figures[index]!.value < this.figures[best]!.value ? index : best));
      hidden[smallest] = true;
    }
    return (key) => {
      const index = this.indexOf.get(key);
      if (index === undefined) throw new Error(`no figure ${key}`);
      return hidden[index] ? null : this.figures[index]!.value;
    };
  }

  /**
   * A hidden part of a line whose shown total gives a small group away: the total minus the shown parts is the
   * figure of the hidden parts together, about some but fewer than `minGroup` clients.
   */
  private smallResidual(hidden: boolean[], minGroup: number): number | undefined {
    for (const { parts, sum } of this.lines) {
      const hiddenParts = parts.filter((index) => hidden[index]);
      if (hidden[sum] || hiddenParts.length === 0) continue;
      const figures = hiddenParts.map((index) => this.figures[index]!);
      const group = figures.every((figure) => figure.members)
        ? new Set(figures.flatMap((figure) => [...figure.members!])).size
        : figures.reduce((count, figure) => count + figure.clients, 0);
      if (group > 0 && group < minGroup) return hiddenParts[0];
    }
    return undefined;
  }
}

/**
 * The first hidden figure that the equations pin down, if any. Unknowns are the hidden figures; each line gives
 * "hidden parts − hidden sum = a shown number". A hidden figure is determined exactly when its unit vector lies in
 * the row space of that system: in reduced row echelon form, a row whose only non-zero entry is its pivot.
 */
export function firstDisclosed(lines: Line[], hidden: boolean[], counts: (index: number) => boolean = () => true): number | undefined {
  const unknowns = hidden.flatMap((isHidden, index) => (isHidden ? [index] : []));
  if (unknowns.length === 0) return undefined;
  const column = new Map(unknowns.map((index, position) => [index, position]));
  const matrix: bigint[][] = [];
  for (const { parts, sum } of lines) {
    const row = new Array<bigint>(unknowns.length).fill(0n);
    for (const part of parts) if (column.has(part)) row[column.get(part)!]! += 1n;
    if (column.has(sum)) row[column.get(sum)!]! -= 1n;
    if (row.some((entry) => entry !== 0n)) matrix.push(row);
  }
  for (const [rowIndex, pivotColumn] of reduce(matrix, unknowns.length)) {
    const figure = unknowns[pivotColumn]!;
    if (counts(figure) && matrix[rowIndex]!.every((entry, c) => c === pivotColumn || entry === 0n)) return figure;
  }
  return undefined;
}

/** Fraction-free Gauss–Jordan elimination in place; returns [row, pivot column] pairs. */
function reduce(matrix: bigint[][], width: number): [number, number][] {
  const pivots: [number, number][] = [];
  let top = 0;
  for (let c = 0; c < width && top < matrix.length; c++) {
    const found = matrix.findIndex((row, r) => r >= top && row[c] !== 0n);
    if (found === -1) continue;
    [matrix[top], matrix[found]] = [matrix[found]!, matrix[top]!];
    const pivotRow = matrix[top]!;
    for (let r = 0; r < matrix.length; r++) {
      if (r === top || matrix[r]![c] === 0n) continue;
      const factor = matrix[r]![c]!;
      const pivot = pivotRow[c]!;
      matrix[r] = normalise(matrix[r]!.map((entry, k) => entry * pivot - pivotRow[k]! * factor));
    }
    matrix[top] = normalise(pivotRow);
    pivots.push([top, c]);
    top += 1;
  }
  return pivots;
}

function normalise(row: bigint[]): bigint[] {
  const divisor = row.reduce((g, entry) => gcd(g, entry < 0n ? -entry : entry), 0n);
  return divisor > 1n ? row.map((entry) => entry / divisor) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
