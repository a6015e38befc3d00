/**
 * Writes sw.js into the build (src/offline/sw.worker.ts, types stripped) with the list of every
 * file it must cache: the bundle's chunks and assets (the engine worker, whose WebAssembly is
 * inlined, among them), index.html, and the public folder (digits.bin, the recorder, the
 * manifest and its icons). Each file carries a hash of its contents, so an unchanged file is not
 * downloaded again by the next version. The build only: the dev server has no service worker.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

const SOURCE = new URL('../src/offline/sw.worker.ts', import.meta.url);
const OUTPUT = 'sw.js';

const hash = (contents: string | Uint8Array) =>
  createHash('sha256').update(contents).digest('hex').slice(0, 16);

/** Every file under dir, as paths relative to it with '/' separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The service worker's source with its file list and version in front. */
export async function serviceWorkerSource(precache: [string, string][]): Promise<string> {
  const { code } = await transformWithOxc(readFileSync(SOURCE, 'utf8'), SOURCE.pathname, {
    lang: 'ts',
  });
  const version = hash(JSON.stringify(precache));
  return `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${version}';\n${code}`;
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'activation-lab-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle: {
      // After vite:build-html has added index.html to the bundle.
      order: 'post',
      async handler(_options, bundle) {
        const files = new Map<string, string>();
        for (const [name, output] of Object.entries(bundle))
          files.set(name, hash(output.type === 'chunk' ? output.code : output.source));
        if (publicDir)
          for (const name of filesUnder(publicDir))
            files.set(name, hash(readFileSync(join(publicDir, name))));
        files.delete(OUTPUT);
        // The page is fetched as its folder ('./'), as a visitor's link names it.
        const precache = [...files]
          .map(([name, revision]): [string, string] => [
            name === 'index.html' ? './' : name,
            revision,
          ])
          .sort(([a], [b]) => a.localeCompare(b));
        this.emitFile({
          type: 'asset',
          fileName: OUTPUT,
          source: await serviceWorkerSource(precache),
        });
      },
    },
  };
}
