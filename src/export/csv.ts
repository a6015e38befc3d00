/**
 * Statistics as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled), one header row naming every column.
 *
 * Numbers are written in full (shortest round-trip form); NaN (not measured) is an empty cell,
 * ±Infinity is `inf` / `-inf`, which Python, pandas and NumPy read as floats.
 */
import { STATISTIC_COLUMNS } from '../engine/statistic-names';
import type { LayerStats } from '../engine/stats';
import { type TrainingSeriesExport, trainingSeriesTable } from './training-series';

export type CsvCell = string | number | null | undefined;

/** Leading characters that make a spreadsheet treat a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return '';
    if (!Number.isFinite(cell)) return cell > 0 ? 'inf' : '-inf';
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  // Text is ours (column and series names), but guard it anyway: no formula injection.
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** Parses RFC 4180 text into rows of fields (accepts LF line ends too). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export const LAYER_STATS_COLUMNS = ['layer', ...STATISTIC_COLUMNS] as const;

/** One row per hidden layer, in the probe's units (fractions as 0..1, not percent). */
export function layerStatsCsv(layers: readonly LayerStats[]): string {
  const rows: CsvCell[][] = [[...LAYER_STATS_COLUMNS]];
  for (const s of layers) {
    rows.push([
      s.layer,
      s.preact.mean,
      s.preact.std,
      s.act.mean,
      s.act.std,
      s.saturated,
      s.dead,
      s.grad_act_std,
      s.grad_w_std,
      s.w_std,
      s.grad_data_ratio,
      s.non_finite,
    ]);
  }
  return csvText(rows);
}

/**
 * A training run as a WIDE table: one row per step, columns step, loss, accuracy,
 * validation_loss, validation_accuracy, then layerN_dead, layerN_saturated, layerN_update_ratio
 * for each hidden layer (empty where that series was not measured at that step).
 *
 * Wide rather than long (step, series, layer, value) because the people who export it paste it
 * into a spreadsheet or plotting tool and chart columns against the step: one row per step does
 * that directly, keeps the file about a third the size, and gives a fixed column count
 * (5 + 3 × layers). A long table is one pandas melt() away.
 */
export function trainingSeriesCsv(series: TrainingSeriesExport): string {
  const table = trainingSeriesTable(series);
  return csvText([table.columns, ...table.rows]);
}
