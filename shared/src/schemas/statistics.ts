/** Management information (managementinformatie): anonymous figures per calendar year. */
import { z } from './zod';

/**
 * Whole calendar years only: figures for overlapping periods (a year and eleven of its months) could be
 * subtracted from each other to reveal a hidden figure.
 */
export const ManagementFiguresQuery = z.object({
  year: z.coerce.number().int('Kies een jaartal.').min(2000, 'Kies een jaartal vanaf 2000.').max(2100, 'Kies een jaartal tot 2100.'),
}).strict();

const Heading = z.object({ key: z.string(), label: z.string() });
/** A figure, or `null` where it is hidden (fewer than five clients, or derivable from the shown figures). */
const Figure = z.number().nullable();

export const FigureTable = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.enum(['trajecten', 'uren']),
  rows: z.array(Heading),
  columns: z.array(Heading),
  cells: z.array(z.array(Figure)),
  rowTotals: z.array(Figure),
  columnTotals: z.array(Figure),
  total: Figure,
});

export const ManagementFiguresView = z.object({
  year: z.number().int(),
  /** Figures about fewer clients than this are never shown. */
  minGroup: z.number().int(),
  tables: z.array(FigureTable),
});

export type ManagementFiguresQuery = z.infer<typeof ManagementFiguresQuery>;
export type FigureTable = z.infer<typeof FigureTable>;
export type ManagementFiguresView = z.infer<typeof ManagementFiguresView>;
