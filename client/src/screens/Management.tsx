/**
 * Managementinformatie: anonymous figures per calendar year, as tables with charts beside them. A figure about
 * fewer than five clients — or one the totals would give away — arrives as `null` and reads "verborgen".
 */
import { useState } from 'react';
import { statistics } from '@spoorboek/shared/contracts/statistics';
import type { FigureTable } from '@spoorboek/shared/schemas/statistics';
import { call } from '../api';
import { Field, Resource, useResource } from '../components/ui';
import { t } from '../text';

/** The charts the screen draws: which series of which table. */
const CHARTS: Record<string, 'rowTotals' | 'columnTotals'> = {
  outcomesByKind: 'columnTotals', // the outcomes of all kinds together
  leadTimesByKind: 'columnTotals', // the spread of lead times
  hoursByMonth: 'rowTotals', // hours per month
};

export function ManagementFigures() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const valid = /^\d{4}$/.test(year);
  const figures = useResource(
    () => (valid ? call(statistics.figures, { year }) : Promise.resolve(null)),
    [valid, year],
  );
  return (
    <section aria-labelledby="management-title">
      <h1 id="management-title">{t.management.title}</h1>
      <p className="muted">{t.management.intro}</p>
      <div className="filters">
        <Field label={t.privacy.year} name="year" error={figures.error}>
          {(p) => (
            <input {...p} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
          )}
        </Field>
      </div>
      <Resource resource={figures}>
        {(view) =>
          view === null ? null : (
            <>
              {view.tables.map((table) => (
                <article key={table.id} className="card figures" aria-labelledby={`${table.id}-title`}>
                  <h2 id={`${table.id}-title`}>{table.title}</h2>
                  <div className="figures-body">
                    {CHARTS[table.id] && <BarChart table={table} series={CHARTS[table.id]!} />}
                    <FiguresTable table={table} />
                  </div>
                </article>
              ))}
            </>
          )
        }
      </Resource>
    </section>
  );
}

function shown(value: number | null, unit: FigureTable['unit']) {
  if (value === null)
    return (
      <abbr title={t.management.hiddenWhy} className="muted">
        {t.management.hidden}
      </abbr>
    );
  return unit === 'uren' ? value.toLocaleString('nl-NL', { maximumFractionDigits: 1 }) : value.toLocaleString('nl-NL');
}

function FiguresTable({ table }: { table: FigureTable }) {
  return (
    <div className="scroll">
      <table className="list">
        <caption className="muted">
          {table.unit === 'uren' ? t.management.inHours : t.management.inTrajectories}
        </caption>
        <thead>
          <tr>
            <td />
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">{t.management.total}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {table.cells[r]!.map((value, c) => (
                <td key={table.columns[c]!.key} className="number">
                  {shown(value, table.unit)}
                </td>
              ))}
              <td className="number total">{shown(table.rowTotals[r]!, table.unit)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.management.total}</th>
            {table.columnTotals.map((value, c) => (
              <td key={table.columns[c]!.key} className="number total">
                {shown(value, table.unit)}
              </td>
            ))}
            <td className="number total">{shown(table.total, table.unit)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A horizontal bar per heading; a hidden figure is drawn as an outline with "verborgen". SVG attributes, no inline styles (CSP). */
function BarChart({ table, series }: { table: FigureTable; series: 'rowTotals' | 'columnTotals' }) {
  const headings = series === 'rowTotals' ? table.rows : table.columns;
  const values = table[series];
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const rowHeight = 22;
  const labelWidth = 190;
  const width = 460;
  const description = headings
    .map((heading, i) => `${heading.label}: ${values[i] === null ? t.management.hidden : values[i]}`)
    .join('; ');
  return (
    <svg
      className="chart"
      role="img"
      aria-label={`${table.title}. ${description}`}
      viewBox={`0 0 ${width} ${headings.length * rowHeight + 4}`}
      width={width}
      height={headings.length * rowHeight + 4}
    >
      {headings.map((heading, i) => {
        const value = values[i] ?? null;
        const y = i * rowHeight + 2;
        const barWidth = value === null ? 0 : ((width - labelWidth - 60) * value) / max;
        return (
          <g key={heading.key}>
            <text x={labelWidth - 6} y={y + 15} textAnchor="end" className="chart-label">
              {heading.label}
            </text>
            {value === null ? (
              <rect x={labelWidth} y={y + 3} width={40} height={rowHeight - 6} className="chart-hidden" />
            ) : (
              <rect
                x={labelWidth}
                y={y + 3}
                width={Math.max(barWidth, 1)}
                height={rowHeight - 6}
                className="chart-bar"
              />
            )}
            <text x={labelWidth + (value === null ? 46 : barWidth + 6)} y={y + 15} className="chart-value">
              {value === null ? t.management.hidden : value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
