import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LECTURE_NETWORK } from '../engine/config';
import { experimentFileName, MAX_FILE_NAME_LENGTH, safeFileName } from './file-name';

const SAFE = /^[a-z0-9][a-z0-9._-]*$/;

describe('safeFileName', () => {
  it('says what the file holds', () => {
    expect(experimentFileName({ ...LECTURE_NETWORK, init: 'xavier' }, 'layer-stats', 'csv')).toBe(
      'activation-lab_tanh_xavier_10x500_seed7_layer-stats.csv',
    );
    expect(
      experimentFileName(
        {
          ...LECTURE_NETWORK,
          activation: 'leaky-relu',
          init: 'custom',
          initScale: 0.37,
          batchnorm: true,
          biasInit: -1,
        },
        'experiment',
        'py',
      ),
    ).toBe('activation-lab_leaky-relu_custom-0.37_10x500_bn_bias-1_seed7_experiment.py');
  });

  it.each([
    [['../../etc/passwd'], 'etc-passwd'],
    [['..', '.', '/', '\\'], 'activation-lab'],
    [['C:\\Windows\\system32', 'x.csv'], 'c-windows-system32_x.csv'],
    [['a/../b', '.hidden'], 'a-.-b_hidden'],
    [['<script>alert(1)</script>'], 'script-alert-1-script'],
    [['Réseau', 'tänh', '∂L/∂W', '日本語', '😀', 'ﬁle'], 'reseau_tanh_l-w_file'],
    [['con'], 'activation-lab_con'],
    [['NUL.txt'], 'activation-lab_nul.txt'],
    [[], 'activation-lab'],
  ])('%j → %s', (parts, name) => {
    const safe = safeFileName(parts);
    expect(safe).toBe(name);
    expect(safe).toMatch(SAFE);
  });

  it('bounds the length and keeps the extension', () => {
    const name = safeFileName(['x'.repeat(500), 'layer-stats.csv']);
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.csv')).toBe(true);
  });

  it('whatever the parts: only [a-z0-9._-], no "..", no leading dot, bounded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 8 }),
        (parts) => {
          const name = safeFileName(parts);
          expect(name).toMatch(SAFE);
          expect(name).not.toContain('..');
          expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        },
      ),
      { numRuns: 500 },
    );
  });
});
