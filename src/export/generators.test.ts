/** What the PyTorch and NumPy generators write, read as text (Python itself: python-scripts.test.ts). */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ConfigError, LECTURE_NETWORK, type NetworkConfig } from '../engine/config';
import { orthogonalGain } from '../engine/init';
import { numpyScript } from './numpy';
import { pytorchScript, type PytorchTraining } from './pytorch';
import { orthogonalGainExpression, pyFloat } from './python';

const net = (part: Partial<NetworkConfig> = {}): NetworkConfig => ({ ...LECTURE_NETWORK, ...part });
const SGD: PytorchTraining = { optimizer: 'sgd', learningRate: 0.1, l2: 0.001, batchSize: 64 };

describe('initialization in the PyTorch script', () => {
  it("writes the lecture's Xavier with its exact scale, not nn.init.xavier_normal_", () => {
    const script = pytorchScript(net({ init: 'xavier' }), 1000);
    expect(script).toContain('return 1.0 / math.sqrt(fan_in)');
    expect(script).toContain('nn.init.normal_(weight, 0.0, weight_std(fan_in, fan_out))');
    expect(script).toMatch(/NOT nn\.init\.xavier_normal_, which is\n\s*# Glorot's/);
    expect(script).not.toMatch(/nn\.init\.xavier_normal_\(/);
    // fan_in from the out × in layout of nn.Linear, and the std the engine computes (1/√500).
    expect(script).toContain('fan_in = weight.shape[1]');
    expect(script).toContain('layer 1 0.0447214 (fan_in 500)');
  });

  it.each([
    ['glorot', 'return math.sqrt(2.0 / (fan_in + fan_out))'],
    ['he', 'return math.sqrt(2.0 / fan_in)'],
    ['small', 'return 0.01'],
    ['large', 'return 1.0'],
  ] as const)('%s: %s', (init, line) => {
    expect(pytorchScript(net({ init }), 100)).toContain(line);
    expect(numpyScript(net({ init }), 100)).toContain(line);
  });

  it('custom scale, PyTorch default, zeros', () => {
    expect(pytorchScript(net({ init: 'custom', initScale: 0.37 }), 10)).toContain('return 0.37');
    const torchDefault = pytorchScript(net({ init: 'torch-default' }), 10);
    expect(torchDefault).toContain('nn.init.uniform_(weight, -bound, bound)');
    expect(torchDefault).toContain('bound = 1.0 / math.sqrt(fan_in)');
    expect(pytorchScript(net({ init: 'zeros' }), 10)).toContain('nn.init.zeros_(weight)');
  });

  it.each(ACTIVATIONS)("orthogonal with the engine's gain for %s", (activation) => {
    const { expression } = orthogonalGainExpression(activation);
    // The Python expression is also valid JavaScript once `math` is bound.
    const value = Number(new Function('math', `return ${expression}`)(Math));
    expect(value).toBeCloseTo(orthogonalGain(activation), 12);
    const script = pytorchScript(net({ activation, init: 'orthogonal' }), 10);
    expect(script).toContain(`ORTHOGONAL_GAIN = ${expression}`);
    expect(script).toContain('nn.init.orthogonal_(weight, gain=ORTHOGONAL_GAIN)');
  });

  it('LSUV: orthogonal gain 1, then the rescaling loop, in both scripts', () => {
    for (const script of [
      pytorchScript(net({ init: 'lsuv' }), 10),
      numpyScript(net({ init: 'lsuv' }), 10),
    ]) {
      expect(script).toContain('ORTHOGONAL_GAIN = 1.0');
      expect(script).toContain('LSUV_TOLERANCE = 0.05');
      expect(script).toContain('LSUV_MAX_ITERATIONS = 10');
    }
    expect(pytorchScript(net({ init: 'xavier' }), 10)).not.toContain('def lsuv(');
  });

  it('hidden biases start at biasInit, output biases at 0', () => {
    const script = pytorchScript(net({ activation: 'leaky-relu', biasInit: -1 }), 10);
    expect(script).toContain("'biasInit': -1.0,");
    expect(script).toContain('nn.init.constant_(layer.linear.bias, BIAS_INIT)');
    expect(script).toContain('nn.init.zeros_(model.output.bias)');
  });
});

describe('architecture in the PyTorch script', () => {
  it.each([
    ['gelu', "nn.GELU(approximate='tanh')"],
    ['leaky-relu', 'nn.LeakyReLU(negative_slope=0.01)'],
    ['elu', 'nn.ELU(alpha=1.0)'],
    ['maxout', 'class Maxout(nn.Module)'],
    ['silu', 'nn.SiLU()'],
    ['sigmoid', 'nn.Sigmoid()'],
  ] as const)('%s → %s', (activation, module) => {
    expect(pytorchScript(net({ activation }), 10)).toContain(module);
  });

  it('maxout has two linear pieces per unit; batchnorm sits between linear and nonlinearity', () => {
    const script = pytorchScript(net({ activation: 'maxout', batchnorm: true }), 10);
    expect(script).toContain('PIECES = 2');
    expect(script).toContain('self.norm = nn.BatchNorm1d(PIECES * units, eps=1e-5, momentum=0.1)');
    expect(script).toContain('self.pre = self.norm(self.linear(x))');
    expect(pytorchScript(net(), 10)).toContain(
      'self.norm = nn.Identity()  # batch normalization off',
    );
  });
});

describe('the architectures after the lecture in the PyTorch script', () => {
  it('nn.LayerNorm where batchnorm would sit, or on the block input (pre) or after the sum (post)', () => {
    const inside = pytorchScript(net({ layernorm: true }), 10);
    expect(inside).toContain('self.norm = nn.LayerNorm(PIECES * units, eps=1e-5)');
    expect(inside).toContain('self.pre = self.norm(self.linear(x))');
    expect(inside).toContain("'layernorm': True,");
    const pre = pytorchScript(net({ layernorm: true, residual: true, normPosition: 'pre' }), 10);
    expect(pre).toContain("NORM_AT = 'pre'");
    expect(pre).toContain("width = {'inside': PIECES * units, 'pre': fan_in, 'post': units}");
    expect(pre).toContain('self.norm = nn.LayerNorm(width, eps=1e-5)');
    expect(pre).toContain("return self.norm(x) if self.norm_at == 'pre' else x");
    expect(pre).toContain("branch = self.norm(total) if self.norm_at == 'post' else total");
    expect(pre).toContain('HiddenLayer(fan_in, WIDTH, skip=i > 0)');
  });

  it('the residual forward with alpha: 1, 1/sqrt(depth), or ReZero as an nn.Parameter at 0', () => {
    const one = pytorchScript(net({ residual: true }), 10);
    expect(one).toContain('ALPHA = 1.0');
    expect(one).toContain('total = x + self.alpha * branch');
    expect(pytorchScript(net({ residual: true, branchScale: 'inv-sqrt-depth' }), 10)).toContain(
      'ALPHA = 1.0 / math.sqrt(DEPTH)',
    );
    const rezero = pytorchScript(net({ residual: true, branchScale: 'rezero' }), 10);
    expect(rezero).toContain('self.alpha = nn.Parameter(torch.zeros(())) if skip else None');
    expect(rezero).toContain('nn.init.zeros_(layer.alpha)');
    expect(pytorchScript(net(), 10)).not.toContain('ALPHA');
  });

  it('nn.Dropout after the nonlinearity; in the probe only when asked; off while monitoring', () => {
    const training = pytorchScript(net({ dropout: 0.3 }), 10, SGD);
    expect(training).toContain('self.dropout = nn.Dropout(p=DROPOUT)');
    expect(training).toContain('DROPOUT = 0.3');
    expect(training).toContain('DROPOUT_IN_PROBE = False');
    expect(training).toContain('set_dropout(model, DROPOUT_IN_PROBE)');
    expect(training).toMatch(
      /def monitor[\s\S]*set_dropout\(model, False\)[\s\S]*set_dropout\(model, True\)/,
    );
    expect(pytorchScript(net({ dropout: 0.3, dropoutInProbe: true }), 10)).toContain(
      'DROPOUT_IN_PROBE = True',
    );
    expect(pytorchScript(net(), 10)).not.toContain('set_dropout');
  });

  it('torch.optim.AdamW with weight_decay on the weight matrices when weightDecay > 0', () => {
    const adamw = pytorchScript(net(), 10, { ...SGD, optimizer: 'adam', weightDecay: 0.01 });
    expect(adamw).toContain('WEIGHT_DECAY = 0.01');
    expect(adamw).toContain('torch.optim.AdamW(');
    expect(adamw).toContain("{'params': weights, 'weight_decay': WEIGHT_DECAY}");
    expect(adamw).toContain("{'params': others, 'weight_decay': 0.0}");
    const adam = pytorchScript(net(), 10, { ...SGD, optimizer: 'adam' });
    expect(adam).not.toContain('AdamW');
    expect(adam).toContain('torch.optim.Adam(');
  });
});

describe('training loop in the PyTorch script', () => {
  it('same optimizer and rates; L2 explicit on weight matrices, no weight_decay', () => {
    const sgd = pytorchScript(net(), 10, SGD);
    expect(sgd).toContain('LEARNING_RATE = 0.1');
    expect(sgd).toContain('L2 = 0.001');
    expect(sgd).toContain('BATCH_SIZE = 64');
    expect(sgd).toContain('torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)');
    expect(sgd).toContain('+ l2_penalty(model)');
    expect(sgd).not.toContain('weight_decay=');
    const momentum = pytorchScript(net(), 10, { ...SGD, optimizer: 'momentum' });
    expect(momentum).toContain('momentum=0.9)');
    const adam = pytorchScript(net(), 10, { ...SGD, optimizer: 'adam' });
    expect(adam).toContain('betas=(0.9, 0.999), eps=1e-8');
  });

  it('steps and data set; no training section without a training config', () => {
    const spiral = pytorchScript(net({ inputDim: 2, classes: 3 }), 10, {
      ...SGD,
      steps: 500,
      dataset: 'spiral',
    });
    expect(spiral).toContain('STEPS = 500');
    expect(spiral).toContain('NOISE = 0.2');
    expect(spiral).toContain('arm k sweeps angle [4k, 4k + 4]');
    expect(pytorchScript(net(), 10, SGD)).toContain("the probe's random rows");
    const probeOnly = pytorchScript(net(), 10);
    expect(probeOnly).not.toContain('def train(');
    expect(probeOnly).toContain('Training: not exported');
  });

  it('refuses what the page would refuse, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof ConfigError ? error.field : 'not a ConfigError';
      }
      return 'no error';
    };
    expect(field(() => pytorchScript(net({ depth: 0 }), 10))).toBe('depth');
    expect(field(() => numpyScript(net(), 0))).toBe('batch');
    expect(field(() => pytorchScript(net(), 10, { ...SGD, learningRate: -1 }))).toBe(
      'learningRate',
    );
    expect(field(() => pytorchScript(net(), 10, { ...SGD, steps: 0 }))).toBe('steps');
    expect(field(() => pytorchScript(net(), 10, { ...SGD, dataset: 'spiral' }))).toBe('dataset');
    expect(field(() => pytorchScript(net(), 10, { ...SGD, dataset: 'x"); import os' }))).toBe(
      'dataset',
    );
    const digits = net({ inputDim: 784, classes: 10 });
    expect(field(() => pytorchScript(digits, 10, { ...SGD, dataset: 'digits' }))).toBe('no error');
  });
});

describe('NumPy script', () => {
  it('float32 forward and backward by hand, probe JSON on stdout', () => {
    const script = numpyScript(net({ batchnorm: true }), 1000);
    expect(script).toContain('rng.standard_normal((BATCH, INPUT_DIM), dtype=np.float32)');
    expect(script).toContain('def batchnorm_backward(dout, xhat, inv_std)');
    expect(script).toContain("'backend': 'numpy'");
    expect(script).toContain("separators=(',', ':')");
    expect(script).not.toMatch(/import torch/);
    expect(numpyScript(net(), 10)).not.toContain('batchnorm_forward');
  });

  it('layer normalization, residual blocks and dropout written out by hand', () => {
    const script = numpyScript(
      net({
        layernorm: true,
        residual: true,
        normPosition: 'post',
        dropout: 0.2,
        dropoutInProbe: true,
      }),
      10,
    );
    expect(script).toContain('def layernorm_backward(dout, xhat, inv_std)');
    expect(script).toContain("NORM_AT = 'post'");
    expect(script).toContain('h = x + np.float32(ALPHA) * h');
    expect(script).toContain('DROPOUT_IN_PROBE = True');
    expect(script).not.toContain('batchnorm_forward');
    expect(numpyScript(net({ residual: true, branchScale: 'rezero' }), 10)).toContain(
      'ALPHA = 0.0',
    );
  });
});

describe('Python literals', () => {
  it.each([
    [1, '1.0'],
    [-1, '-1.0'],
    [0.1, '0.1'],
    [1e-7, '1e-7'],
    [1e21, '1e+21'],
    [NaN, "float('nan')"],
  ])('%s → %s', (value, literal) => {
    expect(pyFloat(value)).toBe(literal);
  });
});
