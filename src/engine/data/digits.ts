/**
 * Handwritten digits (MNIST, 28×28) from the compact binary that scripts/build-digits.mjs writes
 * to public/digits.bin. Pure: the page fetches the bytes, Node reads them (digits-file.ts).
 *
 * Format (little-endian; keep in step with the script):
 *   0 magic 'ALDG', 4 version u32, 8 count u32, 12 trainCount u32, 16 width u16, 18 height u16,
 *   20 labels (count × u8), then pixels (count × width·height × u8). Training records come first.
 */
import { LIMITS } from '../config';
import type { DataSplit, Dataset } from './dataset';

export const DIGITS_MAGIC = 'ALDG';
export const DIGITS_VERSION = 1;
export const DIGITS_HEADER_BYTES = 20;
export const DIGITS_CLASSES = 10;
/** Where the page finds the file (relative to its base URL). */
export const DIGITS_URL = 'digits.bin';

/** A digits file that cannot be read, with what is wrong in words. */
export class DigitsFormatError extends Error {
  constructor(message: string) {
    super(`digits.bin: ${message}`);
    this.name = 'DigitsFormatError';
  }
}

export interface DigitsHeader {
  version: number;
  count: number;
  trainCount: number;
  width: number;
  height: number;
}

export function parseDigitsHeader(bytes: Uint8Array): DigitsHeader {
  if (bytes.length < DIGITS_HEADER_BYTES)
    throw new DigitsFormatError(`${bytes.length} bytes is shorter than the header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== DIGITS_MAGIC)
    throw new DigitsFormatError(`not a digits file (starts with "${magic}", not "ALDG")`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header: DigitsHeader = {
    version: view.getUint32(4, true),
    count: view.getUint32(8, true),
    trainCount: view.getUint32(12, true),
    width: view.getUint16(16, true),
    height: view.getUint16(18, true),
  };
  if (header.version !== DIGITS_VERSION)
    throw new DigitsFormatError(`version ${header.version}, this page reads ${DIGITS_VERSION}`);
  const pixels = header.width * header.height;
  if (pixels < 1 || pixels > LIMITS.inputDim.max)
    throw new DigitsFormatError(`image size ${header.width}×${header.height} is out of range`);
  if (header.count < 2 || header.trainCount < 1 || header.trainCount >= header.count)
    throw new DigitsFormatError(
      `${header.count} images with ${header.trainCount} for training leaves no split`,
    );
  const expected = DIGITS_HEADER_BYTES + header.count * (1 + pixels);
  if (bytes.length !== expected)
    throw new DigitsFormatError(
      `${bytes.length} bytes, but the header announces ${expected} (truncated download?)`,
    );
  return header;
}

function split(bytes: Uint8Array, header: DigitsHeader, from: number, to: number): DataSplit {
  const pixels = header.width * header.height;
  const count = to - from;
  const y = bytes.subarray(DIGITS_HEADER_BYTES + from, DIGITS_HEADER_BYTES + to);
  const start = DIGITS_HEADER_BYTES + header.count + from * pixels;
  const source = bytes.subarray(start, start + count * pixels);
  const x = new Float32Array(count * pixels);
  for (let i = 0; i < x.length; i++) x[i] = source[i] / 255;
  return { x, y, count };
}

/** The digits data set: raw pixel intensities in [0, 1] (buildDataset preprocesses them). */
export function parseDigits(bytes: Uint8Array): Dataset {
  const header = parseDigitsHeader(bytes);
  const labels = bytes.subarray(DIGITS_HEADER_BYTES, DIGITS_HEADER_BYTES + header.count);
  const bad = labels.findIndex((label) => label >= DIGITS_CLASSES);
  if (bad >= 0) throw new DigitsFormatError(`record ${bad} has label ${labels[bad]}, not 0–9`);
  const pixels = header.width * header.height;
  const pixelStart = DIGITS_HEADER_BYTES + header.count;
  const trainEnd = pixelStart + header.trainCount * pixels;
  return {
    name: 'digits',
    title: `Handwritten digits (MNIST ${header.width}×${header.height})`,
    inputDim: pixels,
    classes: DIGITS_CLASSES,
    classNames: Array.from({ length: DIGITS_CLASSES }, (_, digit) => String(digit)),
    train: split(bytes, header, 0, header.trainCount),
    validation: split(bytes, header, header.trainCount, header.count),
    normalization: null,
    images: {
      width: header.width,
      height: header.height,
      train: bytes.subarray(pixelStart, trainEnd),
      validation: bytes.subarray(trainEnd, pixelStart + header.count * pixels),
    },
  };
}
