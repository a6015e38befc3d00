/**
 * The recorder download (scripts/build-recorder.mjs writes public/activation-lab-recorder.tar.gz),
 * checked by Python's own tarfile: the archive opens (so our hand-written ustar headers and their
 * checksums are right), holds exactly pyproject.toml, README.md, activation_lab/*.py and
 * examples/*.py under activation_lab-<version>/, byte for byte the repository's files, and the
 * extracted package imports. Two builds give identical bytes. Skipped, saying so, when no python3
 * with NumPy is found (the package imports NumPy).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pythonDir = join(root, 'python');
const script = join(root, 'scripts', 'build-recorder.mjs');

/** The first interpreter that can import `module`: $PYTHON, python3 on PATH, Debian's python3. */
function findPython(module: string): string | null {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (candidate && spawnSync(candidate, ['-c', `import ${module}`]).status === 0)
      return candidate;
  }
  return null;
}
const python = findPython('numpy');

const dir = mkdtempSync(join(tmpdir(), 'activation-lab-recorder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the build script into `out`; returns what it printed on stderr. */
function build(out: string): string {
  const result = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

/** The files the archive should hold, relative to python/, read from the repository. */
function expectedFiles(): string[] {
  const files = ['pyproject.toml', 'README.md'];
  for (const folder of ['activation_lab', 'examples']) {
    for (const name of readdirSync(join(pythonDir, folder))) {
      if (name.endsWith('.py') && statSync(join(pythonDir, folder, name)).isFile())
        files.push(`${folder}/${name}`);
    }
  }
  return files.sort();
}

const version = /^version\s*=\s*"([^"]+)"/m.exec(
  readFileSync(join(pythonDir, 'pyproject.toml'), 'utf8'),
)?.[1];

interface Member {
  name: string;
  type: 'file' | 'dir' | 'other';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

/** Lists and extracts the archive with Python's tarfile (which verifies every header checksum). */
function extractWithPython(archive: string, into: string): Member[] {
  const program = `import json, sys, tarfile
with tarfile.open(sys.argv[1], 'r:gz') as tar:
    members = tar.getmembers()
    if hasattr(tarfile, 'data_filter'):
        tar.extractall(sys.argv[2], filter='data')
    else:
        tar.extractall(sys.argv[2])
print(json.dumps([dict(name=m.name, type='file' if m.isfile() else 'dir' if m.isdir() else 'other',
                       mode=m.mode, uid=m.uid, gid=m.gid, mtime=m.mtime) for m in members]))`;
  return JSON.parse(execFileSync(python!, ['-c', program, archive, into], { encoding: 'utf8' }));
}

describe.skipIf(!python)(
  `the recorder download${python ? '' : ' [SKIPPED: no python3 with numpy found]'}`,
  () => {
    it('is an sdist of the recorder that Python extracts and imports, the same bytes every build', () => {
      expect(version).toBeTruthy();
      const top = `activation_lab-${version}`;
      const first = join(dir, 'first.tar.gz');
      expect(build(first)).toMatch(/^wrote .*first\.tar\.gz: activation_lab-/);
      // Up to date: a second run on the same output does nothing and says nothing.
      const builtAt = statSync(first).mtimeMs;
      expect(build(first)).toBe('');
      expect(statSync(first).mtimeMs).toBe(builtAt);

      const extracted = join(dir, 'extracted');
      const members = extractWithPython(first, extracted);
      const files = expectedFiles();
      expect(files).toContain('activation_lab/__init__.py');
      expect(members.filter((m) => m.type === 'file').map((m) => m.name)).toEqual(
        files.map((file) => `${top}/${file}`).sort(),
      );
      expect(members.filter((m) => m.type !== 'file').map((m) => [m.name, m.type])).toEqual([
        [top, 'dir'],
        [`${top}/activation_lab`, 'dir'],
        [`${top}/examples`, 'dir'],
      ]);
      expect(members.map((m) => m.name)).toEqual(members.map((m) => m.name).sort());
      expect(new Set(members.map((m) => m.mtime)).size).toBe(1);
      for (const m of members) {
        expect([m.uid, m.gid, m.mode], m.name).toEqual([0, 0, m.type === 'dir' ? 0o755 : 0o644]);
      }
      for (const file of files) {
        const packed = readFileSync(join(extracted, top, file));
        expect(packed.equals(readFileSync(join(pythonDir, file))), file).toBe(true);
      }

      const imported = execFileSync(
        python!,
        [
          '-c',
          'import activation_lab; print(activation_lab.__name__); print(activation_lab.__file__)',
        ],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, PYTHONPATH: join(extracted, top), PYTHONDONTWRITEBYTECODE: '1' },
        },
      );
      expect(imported.trim().split('\n')).toEqual([
        'activation_lab',
        join(extracted, top, 'activation_lab', '__init__.py'),
      ]);

      const second = join(dir, 'second.tar.gz');
      build(second);
      expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
    });
  },
);
