import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../engine/config';
import { buildDataset, DEAD_RELU_DEMO } from '../engine/data';
import { createKernels } from '../engine/kernels';
import { runProbe } from '../engine/probe';
import { Trainer } from '../engine/trainer';
import { csvField, LAYER_STATS_COLUMNS, layerStatsCsv, parseCsv, trainingSeriesCsv } from './csv';
import { trainingSeriesColumns, type TrainingSeriesExport } from './training-series';

const SMALL: NetworkConfig = {
  inputDim: 20,
  depth: 4,
  width: 16,
  activation: 'relu',
  init: 'he',
  initScale: 1,
  batchnorm: false,
  classes: 5,
  seed: 3,
};

describe('CSV fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['@cmd', "'@cmd"],
  ])('text %j → %j', (cell, field) => {
    expect(csvField(cell)).toBe(field);
  });

  it.each([
    [-0.5, '-0.5'],
    [1e-12, '1e-12'],
    [-0, '0'],
    [NaN, ''],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [null, ''],
  ])('number %s → %j', (cell, field) => {
    expect(csvField(cell)).toBe(field);
  });

  it('parses back what it writes', () => {
    const rows = [
      ['a,b', 'say "hi"', 'two\r\nlines', ''],
      ['1', '2', '3', '4'],
    ];
    const text = rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('layerStatsCsv', () => {
  it('a header and one full row per layer, numbers in full', () => {
    const result = runProbe(SMALL, 64, createKernels('ts'));
    const text = layerStatsCsv(result.layers);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...LAYER_STATS_COLUMNS]);
    expect(rows).toHaveLength(1 + SMALL.depth);
    for (const row of rows) expect(row).toHaveLength(LAYER_STATS_COLUMNS.length);
    result.layers.forEach((layer, i) => {
      const row = rows[i + 1];
      expect(Number(row[0])).toBe(layer.layer);
      expect(Number(row[LAYER_STATS_COLUMNS.indexOf('act_std')])).toBe(layer.act.std);
      expect(Number(row[LAYER_STATS_COLUMNS.indexOf('dead')])).toBe(layer.dead);
    });
  });

  it('statistics not measured (NaN) are empty cells', () => {
    const layer = runProbe(SMALL, 16, createKernels('ts')).layers[0];
    const row = parseCsv(layerStatsCsv([{ ...layer, grad_act_std: NaN }]))[1];
    expect(row[LAYER_STATS_COLUMNS.indexOf('grad_act_std')]).toBe('');
  });
});

describe('trainingSeriesCsv (wide: one row per step)', () => {
  it('joins series measured at different steps, empty where not measured', () => {
    const at = (steps: number[], values: number[]) => ({ steps, values });
    const series: TrainingSeriesExport = {
      loss: at([1, 2, 3], [2.3, 2.1, 1.9]),
      accuracy: at([1, 2, 3], [0.1, 0.2, 0.3]),
      validationLoss: at([2], [2.2]),
      validationAccuracy: at([2], [0.15]),
      // Monitored at step 0 (after reset) and twice at step 3 (paused): the later one counts.
      dead: [at([0, 3, 3], [0, 0.25, 0.5]), at([0], [0.125])],
      saturated: [at([0, 3], [0, 0]), at([0], [0])],
      updateRatio: [at([1, 2, 3], [1e-3, 2e-3, 3e-3]), at([1, 2, 3], [4e-3, 5e-3, 6e-3])],
    };
    const rows = parseCsv(trainingSeriesCsv(series));
    expect(rows[0]).toEqual(trainingSeriesColumns(2));
    expect(rows[0]).toHaveLength(5 + 3 * 2);
    for (const row of rows) expect(row).toHaveLength(11);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['0', '1', '2', '3']);
    expect(rows[1]).toEqual(['0', '', '', '', '', '0', '0', '', '0.125', '0', '']);
    expect(rows[3].slice(0, 5)).toEqual(['2', '2.1', '0.2', '2.2', '0.15']);
    expect(rows[4][5]).toBe('0.5');
  });

  it("takes a real trainer's history as the worker sends it", () => {
    const { network, training, dataset } = DEAD_RELU_DEMO;
    const trainer = new Trainer(
      network,
      training,
      buildDataset(dataset, network.seed),
      createKernels('ts'),
    );
    trainer.monitor();
    for (let step = 1; step <= 20; step++) {
      trainer.step();
      if (step % 5 === 0) trainer.monitor();
      if (step % 10 === 0) trainer.evaluate();
    }
    const h = trainer.history;
    const text = trainingSeriesCsv({
      loss: h.loss.data(),
      accuracy: h.accuracy.data(),
      validationLoss: h.validationLoss.data(),
      validationAccuracy: h.validationAccuracy.data(),
      dead: h.layers.map((l) => l.dead.data()),
      saturated: h.layers.map((l) => l.saturated.data()),
      updateRatio: h.layers.map((l) => l.updateRatio.data()),
    });
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + 21); // steps 0..20
    for (const row of rows) expect(row).toHaveLength(5 + 3 * network.depth);
    expect(rows[11][3]).not.toBe(''); // validation loss at step 10
  });
});
