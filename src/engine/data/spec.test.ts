/**
 * The one builder (spec.ts): every data set with every preprocessing it takes builds with the
 * right sizes, 2-D points follow the seed and the spec's shape, and the digits come from bytes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testDigitsBytes } from './digits-testing';
import { DATASETS, type Dataset, VALIDATION_FRACTION } from './dataset';
import { DIGITS_HEADER_BYTES } from './digits';
import { featureStatistics } from './normalize';
import { PLANAR_DEFAULTS } from './planar';
import { PREPROCESSINGS, type Preprocessing } from './preprocess';
import { buildDataset, type DatasetSpec, isDatasetSpec } from './spec';

/** PCA and whitening rotate two features: the digits refuse them (src/engine/data/preprocess.ts). */
const takes = (name: DatasetSpec['name'], preprocess: Preprocessing) =>
  name !== 'digits' || (preprocess !== 'pca' && preprocess !== 'whiten');

const CASES = DATASETS.flatMap((name) =>
  PREPROCESSINGS.filter((preprocess) => takes(name, preprocess)).map(
    (preprocess) => [name, preprocess] as const,
  ),
);

function expectShape(data: Dataset, inputDim: number, rows: number, classes: number): void {
  expect([data.inputDim, data.classes, data.classNames.length]).toEqual([
    inputDim,
    classes,
    classes,
  ]);
  expect(data.train.count + data.validation.count).toBe(rows);
  for (const split of [data.train, data.validation]) {
    expect(split.x.length).toBe(split.count * inputDim);
    expect(split.y.length).toBe(split.count);
    expect(split.x.every(Number.isFinite)).toBe(true);
  }
}

describe('buildDataset', () => {
  let digits: Uint8Array;
  beforeAll(() => {
    digits = testDigitsBytes();
  });

  it.each(CASES)('%s, preprocess %s: builds with the right sizes', (name, preprocess) => {
    const data = buildDataset({ name, preprocess }, 5, digits);
    expect(data.name).toBe(name);
    if (name === 'digits') expectShape(data, 784, 10_000, 10);
    else {
      const { size, classes } = PLANAR_DEFAULTS[name];
      expectShape(data, 2, size, classes);
      expect(data.validation.count).toBe(Math.round(size * VALIDATION_FRACTION));
    }
    // Only 'normalize' keeps its statistics; 'none' is the raw data, the rest centre it.
    expect(data.normalization !== null).toBe(preprocess === 'normalize');
    const { mean, std } = featureStatistics(data.train, data.inputDim);
    const centred = mean.every((m) => Math.abs(m) < 1e-4);
    if (preprocess !== 'none') expect(centred).toBe(true);
    else expect(centred).toBe(false);
    // Unit variance per 2-D feature after normalizing or whitening (the digits' blank border
    // pixels keep less: src/engine/data/normalize.ts MIN_FEATURE_STD).
    const unit = std.every((s) => Math.abs(s - 1) < 1e-3);
    if (name !== 'digits') expect(unit).toBe(preprocess === 'normalize' || preprocess === 'whiten');
  });

  it('draws the 2-D points from the seed and the spec: points, noise, arms', () => {
    const spec: DatasetSpec = { name: 'spiral', points: 200, noise: 0.05, planarClasses: 4 };
    const data = buildDataset(spec, 9);
    expectShape(data, 2, 200, 4);
    expect(buildDataset(spec, 9).train.x).toEqual(data.train.x);
    expect(buildDataset(spec, 10).train.x).not.toEqual(data.train.x);
    expect(buildDataset({ ...spec, noise: 0.5 }, 9).train.x).not.toEqual(data.train.x);
  });

  it('reads the digits from the bytes it is given (raw: pixels / 255), whatever the seed', () => {
    const data = buildDataset({ name: 'digits', preprocess: 'none' }, 1, digits);
    const pixels = 28 * 28;
    const firstPixels = digits.subarray(DIGITS_HEADER_BYTES + 10_000);
    expect(data.images?.train.subarray(0, pixels)).toEqual(firstPixels.subarray(0, pixels));
    expect(Array.from(data.train.x.subarray(0, pixels))).toEqual(
      Array.from(firstPixels.subarray(0, pixels), (v) => Math.fround(v / 255)),
    );
    // Compared as bytes: a deep toEqual over 6 million floats takes minutes.
    const again = buildDataset({ name: 'digits', preprocess: 'none' }, 2, digits).train.x;
    expect(Buffer.from(again.buffer).equals(Buffer.from(data.train.x.buffer))).toBe(true);
    expect(() => buildDataset({ name: 'digits' }, 1)).toThrow(/digits have not been loaded/);
  });

  it('defaults to normalization, and refuses what is not a data set', () => {
    expect(buildDataset({ name: 'xor' }, 1).normalization).not.toBeNull();
    const probe: DatasetSpec<string> = { name: 'probe' };
    expect(isDatasetSpec(probe)).toBe(false);
    expect(() => buildDataset(probe as DatasetSpec, 1)).toThrow(/unknown data set "probe"/);
  });
});
