#!/usr/bin/env node
/**
 * Builds public/activation-lab-recorder.tar.gz, the Python recorder the page offers as a
 * download: an sdist-style archive (`pip install activation-lab-recorder.tar.gz` builds it with
 * setuptools) whose top folder is activation_lab-<version>/, version read from
 * python/pyproject.toml. It holds pyproject.toml, README.md, activation_lab/*.py and
 * examples/*.py; never the tests or __pycache__.
 *
 * The tar is written here (POSIX ustar, no npm dependency) and gzipped with node:zlib. The
 * archive is reproducible byte for byte: entries sorted by path, owner 0/0 with no names, modes
 * 0755 (folders) and 0644 (files), and one mtime for every entry — $SOURCE_DATE_EPOCH when set,
 * else the newest input's mtime in whole seconds (never 0: wheels are zips, which cannot hold a
 * date before 1980). The gzip header's own mtime is 0.
 *
 * Usage: node scripts/build-recorder.mjs [--out <path>]  (default public/activation-lab-recorder.tar.gz)
 * Skips the work when the output is newer than every input file, input folder and this script.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BLOCK = 512;
/** Tar's usual record: the archive is padded to a multiple of 20 blocks, as GNU and Python do. */
const RECORD = 20 * BLOCK;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pythonDir = join(root, 'python');
const SUBFOLDERS = ['activation_lab', 'examples'];

function parseArgs(argv) {
  let out = join(root, 'public', 'activation-lab-recorder.tar.gz');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && i + 1 < argv.length) out = resolve(argv[++i]);
    else throw new Error(`build-recorder: unknown argument ${argv[i]} (usage: [--out <path>])`);
  }
  return { out };
}

/** The [project] table's version in pyproject.toml (a plain `version = "…"` line). */
function projectVersion(text) {
  let inProject = false;
  for (const line of text.split(/\r?\n/)) {
    const table = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (table) inProject = table[1].trim() === 'project';
    const version = inProject && /^\s*version\s*=\s*["']([^"']+)["']\s*$/.exec(line);
    if (version) return version[1];
  }
  throw new Error('build-recorder: no version in the [project] table of python/pyproject.toml');
}

/** The packed files, paths relative to python/, sorted; the folders, to notice removals. */
function listInputs() {
  const files = ['pyproject.toml', 'README.md'];
  for (const folder of SUBFOLDERS) {
    for (const entry of readdirSync(join(pythonDir, folder), { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.py')) files.push(`${folder}/${entry.name}`);
    }
  }
  files.sort();
  return { files, folders: [pythonDir, ...SUBFOLDERS.map((folder) => join(pythonDir, folder))] };
}

function upToDate(output, inputs) {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  const sources = [
    ...inputs.files.map((file) => join(pythonDir, file)),
    ...inputs.folders,
    fileURLToPath(import.meta.url),
  ];
  return sources.every((file) => statSync(file).mtimeMs < built);
}

/** Writes `text` (ASCII) into `header` at `offset`, at most `length` bytes; the rest stays NUL. */
function putString(header, offset, length, text) {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > length) throw new Error(`build-recorder: '${text}' too long for tar field`);
  bytes.copy(header, offset);
}

/** A numeric field: zero-padded octal, `length - 1` digits, then NUL. */
function putOctal(header, offset, length, value) {
  const digits = value.toString(8);
  if (digits.length > length - 1) throw new Error(`build-recorder: ${value} too big for tar field`);
  putString(header, offset, length, `${digits.padStart(length - 1, '0')}\0`);
}

/** ustar splits a long path into prefix (≤ 155 bytes) '/' name (≤ 100 bytes). */
function splitPath(path) {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`build-recorder: path too long for ustar: ${path}`);
}

/**
 * One POSIX ustar header block:
 *   0 name[100]  100 mode[8]  108 uid[8]  116 gid[8]  124 size[12]  136 mtime[12]  148 chksum[8]
 *   156 typeflag  157 linkname[100]  257 magic 'ustar\0'  263 version '00'  265 uname[32]
 *   297 gname[32]  329 devmajor[8]  337 devminor[8]  345 prefix[155]  500 padding to 512
 * The checksum is the unsigned sum of all 512 bytes with the chksum field taken as 8 spaces,
 * written as six octal digits, NUL, space.
 */
function tarHeader({ path, mode, size, mtime, type }) {
  const header = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  putString(header, 0, 100, name);
  putOctal(header, 100, 8, mode);
  putOctal(header, 108, 8, 0);
  putOctal(header, 116, 8, 0);
  putOctal(header, 124, 12, size);
  putOctal(header, 136, 12, mtime);
  header.fill(0x20, 148, 156);
  putString(header, 156, 1, type);
  putString(header, 257, 6, 'ustar\0');
  putString(header, 263, 2, '00');
  putOctal(header, 329, 8, 0);
  putOctal(header, 337, 8, 0);
  putString(header, 345, 155, prefix);
  let sum = 0;
  for (const byte of header) sum += byte;
  putString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

function build(output, inputs) {
  const version = projectVersion(readFileSync(join(pythonDir, 'pyproject.toml'), 'utf8'));
  const top = `activation_lab-${version}`;
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  const mtime =
    fromEnv && /^\d+$/.test(fromEnv)
      ? Number(fromEnv)
      : Math.max(
          ...inputs.files.map((file) => Math.floor(statSync(join(pythonDir, file)).mtimeMs / 1000)),
        );

  const entries = [`${top}/`, ...SUBFOLDERS.map((folder) => `${top}/${folder}/`)].map((path) => ({
    path,
    data: null,
  }));
  for (const file of inputs.files) {
    entries.push({ path: `${top}/${file}`, data: readFileSync(join(pythonDir, file)) });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const blocks = [];
  for (const { path, data } of entries) {
    const size = data ? data.length : 0;
    blocks.push(
      tarHeader({ path, mode: data ? 0o644 : 0o755, size, mtime, type: data ? '0' : '5' }),
    );
    if (data) {
      blocks.push(data);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(2 * BLOCK)); // end of archive: two zero blocks
  let tar = Buffer.concat(blocks);
  if (tar.length % RECORD) tar = Buffer.concat([tar, Buffer.alloc(RECORD - (tar.length % RECORD))]);
  const gz = gzipSync(tar, { level: 9 });

  mkdirSync(dirname(output), { recursive: true });
  // Write then rename, so a reader running at the same time never sees half a file.
  const partial = `${output}.${process.pid}.tmp`;
  writeFileSync(partial, gz);
  renameSync(partial, output);
  return { top, files: inputs.files.length, bytes: gz.length };
}

/** The output as the messages name it: relative to the repository when inside it. */
function shown(path) {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

const { out } = parseArgs(process.argv.slice(2));
const inputs = listInputs();
// Quiet when there is nothing to do: the CLI commands run this before every start.
if (!upToDate(out, inputs)) {
  const { top, files, bytes } = build(out, inputs);
  console.error(`wrote ${shown(out)}: ${top}/, ${files} files, ${(bytes / 1e3).toFixed(1)} kB`);
}
