/**
 * The data sets: 2-D sets drawn from the seed with their split, normalization with training
 * statistics only, the digits file and its header checks, and the batch sampler.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from './digits-testing';
import { BatchSampler, drawFixedBatch } from './batches';
import { type Dataset } from './dataset';
import { DIGITS_HEADER_BYTES, parseDigits } from './digits';
import { buildDataset } from './index';
import { featureStatistics, invertNormalization, normalizeDataset } from './normalize';
import { generatePlanar, PLANAR_DATASETS, PLANAR_DEFAULTS } from './planar';

function classCounts(y: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of y) counts[label]++;
  return counts;
}

function columnMoments(x: Float32Array, count: number, dim: number, f: number) {
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < count; r++) {
    sum += x[r * dim + f];
    squares += x[r * dim + f] ** 2;
  }
  const mean = sum / count;
  return { mean, std: Math.sqrt(squares / count - mean * mean) };
}

describe('2-D data sets', () => {
  it.each(PLANAR_DATASETS)(
    '%s: balanced classes, an 80/20 split, the same points for a seed',
    (name) => {
      const options = { ...PLANAR_DEFAULTS[name], seed: 3 };
      const data = generatePlanar(name, options);
      expect(data.train.count).toBe(480);
      expect(data.validation.count).toBe(120);
      expect(data.inputDim).toBe(2);
      const all = classCounts(data.train.y, data.classes).map(
        (n, c) => n + classCounts(data.validation.y, data.classes)[c],
      );
      expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
      expect(generatePlanar(name, options)).toEqual(data);
      expect(generatePlanar(name, { ...options, seed: 4 }).train.x).not.toEqual(data.train.x);
    },
  );

  it('without noise each set has its exact shape', () => {
    const at = (d: Dataset, r: number) => [d.train.x[2 * r], d.train.x[2 * r + 1]];
    const base = { size: 200, noise: 0, classes: 2, seed: 1 };
    const circles = generatePlanar('circles', base);
    const xor = generatePlanar('xor', base);
    const spiral = generatePlanar('spiral', { ...base, classes: 4 });
    for (let r = 0; r < 160; r++) {
      const [cx, cy] = at(circles, r);
      expect(Math.hypot(cx, cy)).toBeCloseTo(circles.train.y[r] === 0 ? 0.5 : 1, 5);
      const [x, y] = at(xor, r);
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.1 - 1e-6);
      expect(xor.train.y[r]).toBe(Math.sign(x) === Math.sign(y) ? 0 : 1);
      expect(Math.hypot(...at(spiral, r))).toBeLessThanOrEqual(1 + 1e-6);
    }
    expect(spiral.classes).toBe(4);
    expect(generatePlanar('blobs', { ...base, classes: 5 }).classNames).toHaveLength(5);
  });

  it('refuses sizes, noise and class counts out of range, naming the field', () => {
    const base = { size: 600, noise: 0.1, classes: 3, seed: 1 };
    expect(() => generatePlanar('spiral', { ...base, size: 10 })).toThrow(
      expect.objectContaining({ field: 'size' }),
    );
    expect(() => generatePlanar('blobs', { ...base, noise: -1 })).toThrow(
      expect.objectContaining({ field: 'noise' }),
    );
    expect(() => generatePlanar('spiral', { ...base, classes: 9 })).toThrow(
      expect.objectContaining({ field: 'classes' }),
    );
    expect(generatePlanar('circles', { ...base, classes: 5 }).classes).toBe(2);
  });
});

describe('normalization', () => {
  const raw = generatePlanar('blobs', { size: 1000, noise: 0.5, classes: 3, seed: 2 });

  it('is on by default: training features get mean 0 and std 1', () => {
    const data = buildDataset({ name: 'blobs', points: 1000, noise: 0.5, planarClasses: 3 }, 2);
    expect(data.normalization).not.toBeNull();
    for (let f = 0; f < 2; f++) {
      const { mean, std } = columnMoments(data.train.x, data.train.count, 2, f);
      expect(mean).toBeCloseTo(0, 5);
      expect(std).toBeCloseTo(1, 4);
    }
    expect(buildDataset({ name: 'blobs', preprocess: 'none' }, 2).normalization).toBeNull();
  });

  it('uses statistics of the training split only, and transforms validation with them', () => {
    const data = normalizeDataset(raw);
    const fromTrain = featureStatistics(raw.train, 2);
    expect(data.normalization).toEqual(fromTrain);
    // Changing the validation points changes nothing in the statistics.
    const shifted = {
      ...raw,
      validation: { ...raw.validation, x: raw.validation.x.map((v) => v + 5) },
    };
    expect(normalizeDataset(shifted).normalization).toEqual(fromTrain);
    const { mean, std } = fromTrain;
    expect(data.validation.x[0]).toBeCloseTo((raw.validation.x[0] - mean[0]) / std[0], 6);
    const back = data.validation.x.slice();
    invertNormalization(data.normalization!, back, data.validation.count);
    back.forEach((v, i) => expect(v).toBeCloseTo(raw.validation.x[i], 5));
  });
});

describe('digits', () => {
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = testDigitsBytes();
  });

  it('reads 8,000 training and 2,000 validation digits, each digit split 80/20', () => {
    const digits = parseDigits(bytes);
    expect([digits.train.count, digits.validation.count]).toEqual([8000, 2000]);
    expect([digits.inputDim, digits.classes]).toEqual([784, 10]);
    const train = classCounts(digits.train.y, 10);
    const validation = classCounts(digits.validation.y, 10);
    train.forEach((n, c) => expect(validation[c] / (n + validation[c])).toBeCloseTo(0.2, 2));
    expect(digits.train.x.reduce((a, b) => Math.max(a, b))).toBe(1);
    expect(digits.train.x.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(digits.images!.train.length).toBe(8000 * 784);
    expect(digits.images!.validation[784 * 5 + 400]).toBe(
      Math.round(digits.validation.x[784 * 5 + 400] * 255),
    );
  });

  it('rejects a garbled file with a clear error', () => {
    const garble = (offset: number, value: number, length = bytes.length) => {
      const copy = bytes.slice(0, length);
      if (offset >= 0) copy[offset] = value;
      return copy;
    };
    expect(() => parseDigits(new Uint8Array(10))).toThrow(/shorter than the header/);
    expect(() => parseDigits(garble(0, 0x50))).toThrow(/not a digits file/);
    expect(() => parseDigits(garble(4, 2))).toThrow(/version 2/);
    expect(() => parseDigits(garble(16, 0))).toThrow(/image size/);
    expect(() => parseDigits(garble(14, 1))).toThrow(/leaves no split/); // trainCount ≥ count
    expect(() => parseDigits(garble(-1, 0, bytes.length - 100))).toThrow(/truncated/);
    expect(() => parseDigits(garble(DIGITS_HEADER_BYTES + 7, 12))).toThrow(/record 7 has label 12/);
  });
});

describe('batches', () => {
  const data = generatePlanar('spiral', { size: 100, noise: 0.2, classes: 2, seed: 1 });

  it('shuffled epochs: every training row once per epoch, the same sequence after reset', () => {
    const sampler = new BatchSampler(data.train, 2, 7);
    const input = new Float32Array(16 * 2);
    const labels = new Float32Array(16);
    const seen: number[] = [];
    for (let b = 0; b < 5; b++) {
      sampler.next(input, labels, 16);
      seen.push(...input.filter((_, i) => i % 2 === 0));
    }
    const epoch = new Set(seen.slice(0, 80));
    expect(epoch.size).toBe(80); // 80 training rows, each once
    sampler.reset();
    sampler.next(input, labels, 16);
    expect(Array.from(input.filter((_, i) => i % 2 === 0))).toEqual(seen.slice(0, 16));
  });

  it('the monitoring batch: distinct rows, the same for a seed', () => {
    const a = drawFixedBatch(data.train, 2, 50, 3);
    expect(a.count).toBe(50);
    expect(new Set(a.x.filter((_, i) => i % 2 === 0)).size).toBe(50);
    expect(drawFixedBatch(data.train, 2, 50, 3)).toEqual(a);
    expect(drawFixedBatch(data.train, 2, 500, 3).count).toBe(80);
  });
});
