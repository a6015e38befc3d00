/**
 * What a request will really build, checked before it is sent: with a data set the worker trains
 * a network whose inputs and classes come from the data (src/worker/training-session.ts) and
 * which holds max(batch, monitoring rows) rows (src/engine/trainer.ts), so a link or a control
 * change that passes the probe's check can still be too big, or ask for a preprocessing the data
 * set cannot use. Refusing here keeps such a state from ever reaching the worker.
 */
import { ConfigError, type NetworkConfig, validateNetworkConfig } from '../engine/config';
import { VALIDATION_FRACTION } from '../engine/data/dataset';
import { DIGITS_CLASSES } from '../engine/data/digits';
import { MONITOR_ROWS } from '../engine/trainer';
import type { DataSettings } from './page-state';

// scripts/build-digits.mjs packs 28×28 images.
const DIGITS_INPUTS = 28 * 28;

/** PCA and whitening rotate two features (src/engine/data/preprocess.ts): 2-D sets only. */
export function preprocessFits(data: DataSettings): boolean {
  return data.name !== 'digits' || (data.preprocess !== 'pca' && data.preprocess !== 'whiten');
}

/** The network and row count the worker will build for `data` (the probe: as given). */
export function runnableShape(
  network: NetworkConfig,
  batch: number,
  data: DataSettings,
): { network: NetworkConfig; rows: number } {
  if (data.name === 'probe') return { network, rows: batch };
  const digits = data.name === 'digits';
  // The digits' training split (8,000) is larger than the monitoring batch.
  const trainCount = digits
    ? MONITOR_ROWS
    : data.points - Math.round(data.points * VALIDATION_FRACTION);
  const classes = digits
    ? DIGITS_CLASSES
    : data.name === 'spiral' || data.name === 'blobs'
      ? data.planarClasses
      : 2;
  return {
    network: { ...network, inputDim: digits ? DIGITS_INPUTS : 2, classes },
    rows: Math.max(batch, Math.min(MONITOR_ROWS, trainCount)),
  };
}

/** Throws the engine's ConfigError when the request `data` implies cannot run. */
export function checkRunnable(network: NetworkConfig, batch: number, data: DataSettings): void {
  validateNetworkConfig(network, batch);
  if (!preprocessFits(data))
    throw new ConfigError('preprocess', `${data.preprocess} needs a 2-D data set`);
  const shape = runnableShape(network, batch, data);
  if (shape.network !== network || shape.rows !== batch)
    validateNetworkConfig(shape.network, shape.rows);
}
