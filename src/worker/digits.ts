/** The digits file, fetched once per worker (training runs and lecture checks share it). */
import { ConfigError } from '../engine/config';

let bytes: Promise<Uint8Array> | null = null;

export function loadDigitsBytes(url: string): Promise<Uint8Array> {
  bytes ??= fetch(url).then(async (response) => {
    if (!response.ok) {
      bytes = null;
      throw new ConfigError('dataset', `the digits file could not be loaded (${response.status})`);
    }
    return new Uint8Array(await response.arrayBuffer());
  });
  return bytes;
}
