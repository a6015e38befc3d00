/**
 * The mean-field theory past the lecture (theory.ts, layerTheory) held against the probe on every
 * backend: residual blocks (α 1, 1/√L, ReZero), layer normalization inside, batch and layer
 * normalization inside, before (pre) and after (post) a residual branch, dropout in the probe.
 *
 * Tolerances, stated before the final run from three seeds (7, 8, 9) of all 9 activations × 12
 * settings at 6 layers (wasm: 512 units, batch 100; ts: 256 units, batch 64): the worst act-std
 * error was 3.4 % (9.1 % with dropout, whose masks add their own noise) and the worst ∂L/∂h error
 * 7.2 % — except sigmoid under a norm, whose large mean leaves finite-width terms the mean-field
 * limit drops (up to 23 % with batchnorm before the branch). So: act ±12 %, ∂L/∂h ±15 %, sigmoid
 * under a norm ±35 %; the ts backend's narrower layers get 1.4× these.
 *
 * Mutations this catches (each tried once): pre-norm dividing by E[x²] instead of Var(x) (ReLU +
 * pre layer norm, layer-1 ∂L/∂h +85 %); the residual gradient without α² (+ several × at α = 1/√L
 * is hidden, at α = 1 the factor 1 + b vs 1 + b: caught through 1/√L, ×2–3); dropout's 1/(1 − p)
 * left out of E[h²] (act −16 % at p = 0.3).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, LECTURE_NETWORK, type NetworkConfig } from './config';
import { createKernels } from './kernels';
import { runProbe } from './probe';
import { testBackends } from './testing';

const SIZES = {
  wasm: { width: 512, batch: 100, slack: 1 },
  ts: { width: 256, batch: 64, slack: 1.4 },
};

const SETTINGS: [string, Partial<NetworkConfig>][] = [
  ['residual, α = 1', { residual: true }],
  ['residual, α = 1/√L', { residual: true, branchScale: 'inv-sqrt-depth' }],
  ['ReZero (α = 0 at init)', { residual: true, branchScale: 'rezero' }],
  ['layer norm', { layernorm: true }],
  [
    'residual + layer norm inside',
    { residual: true, layernorm: true, branchScale: 'inv-sqrt-depth' },
  ],
  ['residual + pre layer norm', { residual: true, layernorm: true, normPosition: 'pre' }],
  ['residual + post layer norm', { residual: true, layernorm: true, normPosition: 'post' }],
  [
    'residual + batchnorm inside',
    { residual: true, batchnorm: true, branchScale: 'inv-sqrt-depth' },
  ],
  ['residual + pre batchnorm', { residual: true, batchnorm: true, normPosition: 'pre' }],
  ['residual + post batchnorm', { residual: true, batchnorm: true, normPosition: 'post' }],
  ['dropout 0.3 in the probe', { dropout: 0.3, dropoutInProbe: true }],
  [
    'residual + dropout 0.3',
    { residual: true, branchScale: 'inv-sqrt-depth', dropout: 0.3, dropoutInProbe: true },
  ],
];

function tolerance(config: NetworkConfig, slack: number): { act: number; grad: number } {
  const normed = config.batchnorm || config.layernorm;
  const sigmoidNormed = config.activation === 'sigmoid' && normed;
  return {
    act: 0.12 * slack,
    grad: (sigmoidNormed ? 0.35 : 0.15) * slack,
  };
}

describe.each(testBackends())(
  'mean-field theory of residual, normalized and dropout layers (%s)',
  (backend) => {
    const kernels = createKernels(backend);
    const { width, batch, slack } = SIZES[backend];

    it('predicts every activation × setting, activations and gradients, within the stated tolerance', () => {
      const failures: string[] = [];
      for (const [name, setting] of SETTINGS)
        for (const activation of ACTIVATIONS) {
          const config: NetworkConfig = {
            ...LECTURE_NETWORK,
            activation,
            init: activation === 'relu' || activation === 'leaky-relu' ? 'he' : 'xavier',
            width,
            inputDim: width,
            depth: 6,
            ...setting,
          };
          const measured = runProbe(config, batch, kernels);
          const tol = tolerance(config, slack);
          measured.layers.forEach((layer, l) => {
            const theory = measured.theory[l];
            if (!theory)
              return void failures.push(
                `${activation}, ${name}: no theory (${measured.no_theory})`,
              );
            const act = layer.act.std / theory.act_std! - 1;
            const grad = layer.grad_act_std / theory.grad_act_std! - 1;
            const where = `${activation}, ${name}, layer ${l + 1}`;
            if (!(Math.abs(act) <= tol.act))
              failures.push(`${where}: act std ${pct(act)} (±${pct(tol.act)})`);
            if (!(Math.abs(grad) <= tol.grad))
              failures.push(`${where}: ∂L/∂h std ${pct(grad)} (±${pct(tol.grad)})`);
          });
        }
      expect(failures).toEqual([]);
    });

    it('ReZero starts as the identity: every block repeats layer 1 exactly, as the theory says', () => {
      const config: NetworkConfig = {
        ...LECTURE_NETWORK,
        activation: 'tanh',
        init: 'xavier',
        width,
        inputDim: width,
        depth: 5,
        residual: true,
        branchScale: 'rezero',
      };
      const measured = runProbe(config, batch, kernels);
      for (const layer of measured.layers.slice(1))
        expect(layer.act.std).toBe(measured.layers[0].act.std);
      for (const t of measured.theory) expect(t!.act_std).toBe(measured.theory[0]!.act_std);
    });
  },
);

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
}
