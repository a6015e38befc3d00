/**
 * Draws the web app manifest's icons (public/icons/icon-192.png and icon-512.png): on the page's
 * accent blue, four histograms of a layer's outputs stacked top to bottom, each narrower than the
 * one above — the lecture's default, activations collapsing with depth. Plain Node (zlib for the
 * PNG), no canvas library: `node scripts/build-icons.mjs` rewrites them; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [0x00, 0x72, 0xb2];
const CURVES = [
  { spread: 0.2, colour: [0xff, 0xff, 0xff] },
  { spread: 0.12, colour: [0xff, 0xff, 0xff] },
  { spread: 0.065, colour: [0xff, 0xff, 0xff] },
  { spread: 0.03, colour: [0xe6, 0x9f, 0x00] },
];
const SUPERSAMPLING = 4;

/** The colour at (x, y) in the unit square, or null outside the rounded background. */
function colourAt(x, y) {
  const radius = 0.18;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return null;
  const rowHeight = 0.17;
  for (const [row, { spread, colour }] of CURVES.entries()) {
    const base = 0.3 + row * 0.17;
    const height = rowHeight * 0.9 * Math.exp(-(((x - 0.5) / spread) ** 2) / 2);
    if (x > 0.14 && x < 0.86 && y <= base && y >= base - height) return colour;
  }
  return BACKGROUND;
}

/** RGBA pixels, each the average of SUPERSAMPLING² samples (smooth edges). */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLING;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const colour = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
          sum[3] += 255;
        }
      const covered = sum[3] / 255;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[at + 3] = Math.round(sum[3] / (n * n));
    }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, no interlace
  const pixels = draw(size);
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++)
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = new URL('../public/icons/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, folder), png(size));
