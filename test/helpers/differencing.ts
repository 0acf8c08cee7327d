/**
 * The attacker's side of small-cell protection, written independently of the code under test: given the equations
 * that tie a set of figures together (parts add up to a total) and which figures are hidden, which hidden figures
 * are fixed by the shown ones? A hidden figure is fixed when dropping its unknown from the system lowers the rank
 * (floating-point elimination here; the product uses exact rationals).
 */
export interface Equation {
  parts: string[];
  sum: string;
}

export function derivableFigures(equations: Equation[], hiddenKeys: string[]): string[] {
  const matrix = equations.map((line) => hiddenKeys.map((key) => (line.parts.includes(key) ? 1 : 0) - (line.sum === key ? 1 : 0)));
  const full = rank(matrix);
  return hiddenKeys.filter((_, k) => rank(matrix.map((row) => row.filter((__, j) => j !== k))) < full);
}

function rank(m: number[][]): number {
  const a = m.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (a[0]?.length ?? 0) && r < a.length; c++) {
    let p = r;
    while (p < a.length && Math.abs(a[p]![c]!) < 1e-9) p++;
    if (p === a.length) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      for (let k = 0; k < a[i]!.length; k++) a[i]![k]! -= f * a[r]![k]!;
    }
    r++;
  }
  return r;
}
