/**
 * The attacker's side of small-cell protection, written independently of the code under test: given the equations
 * that tie a set of figures together (parts add up to a total), the shown values and which figures are hidden,
 * which hidden figures are fixed by the shown ones, and at what value? A hidden figure is fixed when dropping its
 * unknown from the system lowers the rank; its value then follows from any solution (floating-point elimination
 * here; the product uses exact rationals).
 */
export interface Equation {
  parts: string[];
  sum: string;
}

export function derivedFigures(equations: Equation[], values: Map<string, number | null>): { key: string; value: number }[] {
  const hiddenKeys = [...values].filter(([, value]) => value === null).map(([key]) => key);
  const matrix = equations.map((line) => hiddenKeys.map((key) => (line.parts.includes(key) ? 1 : 0) - (line.sum === key ? 1 : 0)));
  const known = (key: string) => values.get(key) ?? 0;
  const rhs = equations.map((line) => known(line.sum) * (values.get(line.sum) === null ? 0 : 1) -
    line.parts.reduce((sum, part) => sum + (values.get(part) === null ? 0 : known(part)), 0));
  const full = rank(matrix);
  const solution = solve(matrix, rhs);
  return hiddenKeys.flatMap((key, k) =>
    rank(matrix.map((row) => row.filter((__, j) => j !== k))) < full ? [{ key, value: Math.round(solution[k]! * 1000) / 1000 }] : []);
}

/** Keys of the hidden figures the equations fix, whatever their values (for tables whose values are all known). */
export function derivableFigures(equations: Equation[], hiddenKeys: string[]): string[] {
  const values = new Map<string, number | null>();
  for (const { parts, sum } of equations) for (const key of [...parts, sum]) values.set(key, hiddenKeys.includes(key) ? null : 0);
  return derivedFigures(equations, values).map(({ key }) => key);
}

function rank(m: number[][]): number {
  return eliminate(m.map((row) => [...row]), (m[0]?.length ?? 0)).rank;
}

/** One solution of A x = b (free unknowns 0). */
function solve(a: number[][], b: number[]): number[] {
  const width = a[0]?.length ?? 0;
  const augmented = a.map((row, i) => [...row, b[i]!]);
  const { pivots } = eliminate(augmented, width);
  const x = new Array<number>(width).fill(0);
  for (const [row, column] of pivots) x[column] = augmented[row]![width]! / augmented[row]![column]!;
  return x;
}

function eliminate(a: number[][], width: number): { rank: number; pivots: [number, number][] } {
  let r = 0;
  const pivots: [number, number][] = [];
  for (let c = 0; c < width && r < a.length; c++) {
    let p = r;
    while (p < a.length && Math.abs(a[p]![c]!) < 1e-9) p++;
    if (p === a.length) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      for (let k = 0; k < a[i]!.length; k++) a[i]![k]! -= f * a[r]![k]!;
    }
    pivots.push([r, c]);
    r++;
  }
  return { rank: r, pivots };
}
