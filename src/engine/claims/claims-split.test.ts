/**
 * Keeps the claims' split honest: what the page loads of them (./info/) imports no check code,
 * and the page's first load (src/main.tsx, static imports) reaches no claim beyond the shared
 * vocabulary (./types.ts). Read from the source with a small static scan: type-only imports and
 * dynamic import() (the lazily loaded tour) are not followed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_INFOS } from './info/index';
import { CLAIMS } from './index';

const ROOT = resolve(__dirname, '../../..');

/** `import … from '…'` and `export … from '…'`, with what sits between the keyword and `from`. */
const STATIC_IMPORT = /^(import|export)\s+([^;]*?)\s*from\s*'([^']+)'|^import\s+'([^']+)'/gm;

/** The specifiers of a statement's braces are all `type …`: the compiler erases it. */
function typeOnly(clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(',').filter((name) => name.trim() !== '');
  return names.length > 0 && names.every((name) => /^\s*type\s/.test(name));
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null; // a package
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${specifier}"`);
}

/** Repo-relative paths of every module `entry` reaches through value imports (CSS excluded). */
export function valueImportGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const path = relative(ROOT, file);
    if (seen.has(path) || file.endsWith('.css')) continue;
    seen.add(path);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const specifier = match[3] ?? match[4];
      if (match[2] !== undefined && typeOnly(match[2])) continue;
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/** What the page-side descriptions may use: plain data and the engine's vocabulary. */
const PAGE_SIDE_ALLOWED = [
  /^src\/engine\/claims\/info\//,
  /^src\/engine\/claims\/types\.ts$/,
  /^src\/engine\/config\.ts$/,
  /^src\/engine\/format\.ts$/,
  // orthogonalGain, the per-activation gain a scene's initScale names (papers-saxe).
  /^src\/engine\/init\.ts$/,
  /^src\/engine\/data\/presets\.ts$/,
  // The terms' shared words (pure text): the tour's steps define them as the page does.
  /^src\/engine\/glossary(-controls)?\.ts$/,
];

describe('the claims’ split into what the page shows and the checks', () => {
  it('the descriptions import no check code, networks, trainer or data builders', () => {
    const graph = [...valueImportGraph('src/engine/claims/info/index.ts')];
    const outside = graph.filter((path) => !PAGE_SIDE_ALLOWED.some((rule) => rule.test(path)));
    expect(outside).toEqual([]);
  });

  it('the tour and the paper figures import the descriptions, not the checks', () => {
    for (const panel of ['src/panels/TourPanel.tsx', 'src/panels/PaperFigures.tsx']) {
      const claims = [...valueImportGraph(panel)].filter((path) => path.includes('/claims/'));
      const checks = claims.filter((path) => !PAGE_SIDE_ALLOWED.some((rule) => rule.test(path)));
      expect(checks, panel).toEqual([]);
    }
  });

  it('the page’s first load reaches no claim: the tour loads them when it opens', () => {
    const claims = [...valueImportGraph('src/main.tsx')].filter(
      (path) => path.startsWith('src/engine/claims/') && path !== 'src/engine/claims/types.ts',
    );
    expect(claims).toEqual([]);
  });

  it('every check has its description, the same object fields, in the same order', () => {
    expect(CLAIMS.map((claim) => claim.id)).toEqual(CLAIM_INFOS.map((info) => info.id));
    CLAIMS.forEach((claim, i) => {
      const info = CLAIM_INFOS[i];
      for (const key of Object.keys(info) as (keyof typeof info)[])
        expect(claim[key], `${claim.id}.${key}`).toBe(info[key]);
    });
  });
});
