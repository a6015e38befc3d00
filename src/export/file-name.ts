/**
 * Names of downloaded files: they say what they hold, and nothing a user typed can make them a
 * path, a hidden file or a reserved device name. Only [a-z0-9._-] survive; parts join with '_'.
 */
import type { NetworkConfig } from '../engine/config';

/** Well under every file system's 255-byte limit, with room for a browser's " (1)". */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'activation-lab';
/** Names Windows refuses whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/;

function sanitizePart(part: string): string {
  return (
    part
      // Accented letters to their base letter (é → e), then drop the combining marks.
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      // No '..' (parent directory) and no runs of separators.
      .replace(/\.{2,}/g, '.')
      .replace(/-{2,}/g, '-')
      // No leading dot (hidden file) and no dangling separators.
      .replace(/^[-._]+|[-._]+$/g, '')
  );
}

/**
 * A safe file name from its parts, e.g. ['activation-lab', 'tanh', 'xavier', '10x500', 'seed7',
 * 'layer-stats.csv'] → 'activation-lab_tanh_xavier_10x500_seed7_layer-stats.csv'. Longer than
 * MAX_FILE_NAME_LENGTH, the middle is cut and the extension (of the last part) kept.
 */
export function safeFileName(parts: readonly string[]): string {
  let name = parts.map(sanitizePart).filter(Boolean).join('_');
  if (!name) name = FALLBACK_NAME;
  if (RESERVED.test(name)) name = `${FALLBACK_NAME}_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const extension = /\.[a-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
    const stem = name.slice(0, MAX_FILE_NAME_LENGTH - extension.length).replace(/[-._]+$/, '');
    name = stem + extension;
  }
  return name;
}

/** Parts that say which experiment a file comes from: activation, init, size, batchnorm, seed. */
export function experimentNameParts(network: NetworkConfig): string[] {
  const init = network.init === 'custom' ? `custom-${network.initScale}` : network.init;
  const bias = network.biasInit ? `bias${network.biasInit}` : '';
  return [
    FALLBACK_NAME,
    network.activation,
    init,
    `${network.depth}x${network.width}`,
    network.batchnorm ? 'bn' : '',
    bias,
    `seed${network.seed}`,
  ].filter(Boolean);
}

/** E.g. experimentFileName(config, 'layer-stats', 'csv') → activation-lab_tanh_xavier_10x500_seed7_layer-stats.csv */
export function experimentFileName(
  network: NetworkConfig,
  what: string,
  extension: string,
): string {
  return safeFileName([...experimentNameParts(network), `${what}.${extension}`]);
}
