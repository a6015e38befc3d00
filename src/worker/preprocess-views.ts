/**
 * The lecture's preprocessing pictures for the current data: the 2-D training cloud raw,
 * zero-centred, normalized, PCA-decorrelated and whitened; or, for the digits, the mean image and
 * a few images with it subtracted.
 */
import {
  meanImage,
  type Preprocessing,
  preprocessDataset,
  singleSignedShare,
} from '../engine/data/preprocess';
import { loadDataset } from './datasets';
import type { PreprocessViewsMessage, PreprocessViewsRequest } from './protocol';

const CLOUD_MODES: Preprocessing[] = ['none', 'centre', 'normalize', 'pca', 'whiten'];
const SAMPLES = 4;

export async function preprocessViews(
  request: PreprocessViewsRequest,
  digitsUrl: string,
): Promise<PreprocessViewsMessage> {
  const raw = await loadDataset({ ...request.data, preprocess: 'none' }, request.seed, digitsUrl);
  if (raw.inputDim === 2) {
    const clouds = CLOUD_MODES.map((mode) => {
      const { train } = preprocessDataset(raw, mode);
      const x = new Float32Array(train.count);
      const y = new Float32Array(train.count);
      for (let r = 0; r < train.count; r++) {
        x[r] = train.x[2 * r];
        y[r] = train.x[2 * r + 1];
      }
      return { mode, x, y, label: train.y.slice(), singleSigned: singleSignedShare(train, 2) };
    });
    return { type: 'preprocess-views', id: request.id, clouds, digits: null };
  }
  const mean = meanImage(raw);
  const images = raw.images;
  if (!mean || !images)
    return { type: 'preprocess-views', id: request.id, clouds: [], digits: null };
  const size = images.width * images.height;
  // Mean-subtracted images, shown with 0 as mid-grey: stored as 128 + (x − mean) / 2.
  const subtracted = new Uint8Array(SAMPLES * size);
  for (let s = 0; s < SAMPLES; s++)
    for (let p = 0; p < size; p++)
      subtracted[s * size + p] = Math.round(128 + (images.train[s * size + p] - mean[p]) / 2);
  return {
    type: 'preprocess-views',
    id: request.id,
    clouds: [],
    digits: {
      width: images.width,
      height: images.height,
      mean: Uint8Array.from(mean, (v) => Math.round(v)),
      originals: images.train.slice(0, SAMPLES * size),
      subtracted,
      count: SAMPLES,
      singleSignedRaw: singleSignedShare(raw.train, raw.inputDim),
      singleSignedCentred: singleSignedShare(preprocessDataset(raw, 'centre').train, raw.inputDim),
    },
  };
}
