/**
 * The PyTorch script's model and initialization: the page's architecture module by module, and
 * each init written with the exact scale src/engine/init.ts uses.
 */
import type { ActivationName, NetworkConfig } from '../engine/config';
import { hiddenLayerSource } from './pytorch-blocks';
import { orthogonalGainOf, pyFloat, weightStdComment, weightStdFunction } from './python';

const ACTIVATION_MODULES: Record<ActivationName, string> = {
  sigmoid: 'nn.Sigmoid()',
  tanh: 'nn.Tanh()',
  relu: 'nn.ReLU()',
  'leaky-relu': 'nn.LeakyReLU(negative_slope=0.01)',
  elu: 'nn.ELU(alpha=1.0)',
  maxout: 'Maxout()',
  linear: 'nn.Identity()  # linear: no nonlinearity',
  gelu: "nn.GELU(approximate='tanh')  # the tanh form, as the page computes it",
  silu: 'nn.SiLU()',
};

const MAXOUT_MODULE = `class Maxout(nn.Module):
    """Maxout (Goodfellow et al., 2013): each unit outputs the larger of its two linear pieces.
    Input columns [0, units) are piece A, [units, 2 * units) piece B; ties go to piece A."""

    def forward(self, pieces):
        a, b = pieces.chunk(2, dim=1)
        return torch.where(a >= b, a, b)


`;

export function modelSource(network: NetworkConfig): string {
  const maxout = network.activation === 'maxout' ? MAXOUT_MODULE : '';
  const skip = network.residual ? 'i > 0' : 'False';
  return `${maxout}${hiddenLayerSource(network, ACTIVATION_MODULES[network.activation])}


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        fan_ins = [INPUT_DIM] + [WIDTH] * (DEPTH - 1)
        self.hidden = nn.ModuleList(
            HiddenLayer(fan_in, WIDTH, skip=${skip}) for i, fan_in in enumerate(fan_ins)
        )
        self.output = nn.Linear(WIDTH, CLASSES)

    def forward(self, x):
        for layer in self.hidden:
            x = layer(x)
        return self.output(x)

    def weight_matrices(self):
        """What L2, weight decay and update:data cover: weight matrices, not biases, gamma, beta
        or alpha."""
        return [layer.linear.weight for layer in self.hidden] + [self.output.weight]`;
}

const FAN_IN_NOTE = [
  "    # nn.Linear stores W as out x in (it computes x @ W.T); the page's W is in x out (x @ W).",
  "    # Either way fan_in is the layer's input size: here weight.shape[1].",
  '    fan_in = weight.shape[1]',
];

/** `init_weight(weight, fan_out)` and whatever it needs, for the network's init. */
function initWeightSource(network: NetworkConfig): string {
  const header = ['def init_weight(weight, fan_out):', ...FAN_IN_NOTE];
  const gaussian = weightStdFunction(network);
  if (gaussian) {
    const comment = weightStdComment(network);
    return [
      ...(comment ? [comment] : []),
      gaussian,
      '',
      '',
      ...header,
      '    nn.init.normal_(weight, 0.0, weight_std(fan_in, fan_out))',
    ].join('\n');
  }
  if (network.init === 'zeros')
    return [
      'def init_weight(weight, fan_out):',
      '    nn.init.zeros_(weight)  # every unit computes the same: symmetry is never broken',
    ].join('\n');
  if (network.init === 'torch-default')
    return [
      ...header,
      "    # nn.Linear's own default (kaiming_uniform_ with a=sqrt(5)) gives this bound; written out",
      '    # so the scale is visible. std = bound / sqrt(3).',
      '    bound = 1.0 / math.sqrt(fan_in)',
      '    nn.init.uniform_(weight, -bound, bound)',
    ].join('\n');
  const gain = orthogonalGainOf(network);
  return [
    `ORTHOGONAL_GAIN = ${gain.expression}  # ${gain.why}`,
    '',
    '',
    'def init_weight(weight, fan_out):',
    '    # Orthonormal rows or columns, whichever are fewer (Saxe et al., 2014), times the gain.',
    '    nn.init.orthogonal_(weight, gain=ORTHOGONAL_GAIN)',
  ].join('\n');
}

const LSUV_SOURCE = `def population_variance(t):
    t = t.detach().double()
    return (t - t.mean()).pow(2).mean().item()


def rescale_to_unit_variance(linear, x):
    for _ in range(LSUV_MAX_ITERATIONS):
        variance = population_variance(linear(x))
        if not variance > 0 or not math.isfinite(variance) or abs(variance - 1) < LSUV_TOLERANCE:
            return
        linear.weight.mul_(1 / math.sqrt(variance))


def lsuv(model, x):
    """Mishkin & Matas (2016): after the orthogonal start, scale each layer's weights until its
    linear output has variance 1 on x (within LSUV_TOLERANCE, at most LSUV_MAX_ITERATIONS tries),
    bottom to top."""
    for layer in model.hidden:
        rescale_to_unit_variance(layer.linear, LINEAR_INPUT)
        x = layer(x)  # training mode: batchnorm (if on) uses this batch's statistics
        if BATCHNORM:
            layer.norm.reset_running_stats()
    rescale_to_unit_variance(model.output, x)`;

/** LSUV measures the linear map's output, on the pre-norm's output where the norm sits there. */
function lsuvSource(network: NetworkConfig): string {
  const source = LSUV_SOURCE.replace(
    'LINEAR_INPUT',
    network.residual ? 'layer.linear_input(x)' : 'x',
  );
  // Dropout off while calibrating (the engine's LSUV pass has none), back on for training.
  return network.dropout
    ? source
        .replace(
          '    for layer in model.hidden:\n',
          '    set_dropout(model, False)\n    for layer in model.hidden:\n',
        )
        .replace(/\n$/, '') + '\n    set_dropout(model, True)'
    : source;
}

/** What `initialize` resets beside the weights and biases: norms' gamma and beta, ReZero's alpha. */
function resetLines(network: NetworkConfig): string {
  const lines: string[] = [];
  if (network.batchnorm)
    lines.push('layer.norm.reset_parameters()  # gamma 1, beta 0, running mean 0 and var 1');
  if (network.layernorm) lines.push('layer.norm.reset_parameters()  # gamma 1, beta 0');
  if (network.residual && network.branchScale === 'rezero')
    lines.push(
      'if layer.alpha is not None:',
      '    nn.init.zeros_(layer.alpha)  # ReZero starts at 0',
    );
  return lines.map((line) => `\n        ${line}`).join('');
}

export function initSource(network: NetworkConfig): string {
  const lsuv = network.init === 'lsuv';
  const bias = pyFloat(network.biasInit ?? 0);
  return `${initWeightSource(network)}


${lsuv ? lsuvSource(network) + '\n\n\n' : ''}@torch.no_grad()
def initialize(model, x):
    """The page's initialization${lsuv ? ' (x: the batch LSUV calibrates on)' : ' (x is not used: only LSUV needs data)'}."""
    model.train()
    for layer in model.hidden:
        # fan_out is the layer's units (also for maxout, whose linear map has 2 * units columns).
        init_weight(layer.linear.weight, fan_out=layer.units)
        nn.init.constant_(layer.linear.bias, BIAS_INIT)  # ${bias}, not PyTorch's default uniform bias${resetLines(network)}
    init_weight(model.output.weight, fan_out=CLASSES)  # the output layer gets the same scheme
    nn.init.zeros_(model.output.bias)${lsuv ? '\n    lsuv(model, x)' : ''}`;
}
