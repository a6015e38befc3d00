/**
 * The PyTorch script's hidden layer as the engine builds it (src/engine/hidden-layer.ts): linear
 * map, normalization (batch or layer), nonlinearity, dropout, and with residual connections
 * x + α·f(x) for every layer after the first, the norm inside f, on its input ('pre') or after
 * the sum ('post'). The lecture's network gets the short form it always had.
 */
import type { NetworkConfig } from '../engine/config';
import { pyFloat, pyString } from './python';

/** The constants the layer reads (after CONFIG); empty for the lecture's network. */
export function blockConstants(network: NetworkConfig): string {
  const lines: string[] = [];
  if (network.residual) {
    const alpha =
      network.branchScale === 'inv-sqrt-depth'
        ? '1.0 / math.sqrt(DEPTH)  # 1/sqrt(L)'
        : network.branchScale === 'rezero'
          ? 'None  # ReZero: a learned alpha per layer, 0 at the start'
          : '1.0';
    lines.push('RESIDUAL = True  # x + ALPHA * f(x) in every hidden layer after the first');
    lines.push(`ALPHA = ${alpha}`);
    lines.push(`NORM_AT = ${pyString(network.normPosition ?? 'inside')}`);
  }
  if (network.dropout) {
    lines.push(`DROPOUT = ${pyFloat(network.dropout)}  # inverted dropout after the nonlinearity`);
    lines.push(`DROPOUT_IN_PROBE = ${network.dropoutInProbe ? 'True' : 'False'}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** `nn.…` of the layer's normalization over `width` features. */
function normModule(network: NetworkConfig, width: string): string {
  if (network.batchnorm)
    return `nn.BatchNorm1d(${width}, eps=1e-5, momentum=0.1)  # PyTorch's defaults, as the page`;
  if (network.layernorm)
    return `nn.LayerNorm(${width}, eps=1e-5)  # per example over its features; gamma 1, beta 0`;
  return 'nn.Identity()  # no normalization';
}

function plainLayer(network: NetworkConfig, act: string): string {
  const norm = network.batchnorm
    ? [
        "        # PyTorch's defaults, spelled out: the page uses the same (running var unbiased).",
        '        self.norm = nn.BatchNorm1d(PIECES * units, eps=1e-5, momentum=0.1)',
      ]
    : network.layernorm
      ? [`        self.norm = ${normModule(network, 'PIECES * units')}`]
      : ['        self.norm = nn.Identity()  # batch normalization off'];
  const kind = network.batchnorm ? 'BatchNorm1d' : network.layernorm ? 'LayerNorm' : '';
  const dropout = network.dropout
    ? [
        '        self.f = self.act(self.pre)  # the nonlinearity alone (saturation is measured on it)',
        '        self.out = self.dropout(self.f)  # on in train(), off in eval()',
      ]
    : ['        self.out = self.f = self.act(self.pre)  # f: the nonlinearity (saturation)'];
  return `class HiddenLayer(nn.Module):
    """Linear -> ${kind || '(no normalization)'} -> ${network.activation}${network.dropout ? ' -> dropout' : ''}. Keeps its last pre-activation (the input of the
    nonlinearity${kind ? `, after ${kind}` : ''}) and output for the statistics."""

    def __init__(self, fan_in, units, skip=False):
        super().__init__()
        self.units = units
        self.linear = nn.Linear(fan_in, PIECES * units)
${norm.join('\n')}
        self.act = ${act}${network.dropout ? '\n        self.dropout = nn.Dropout(p=DROPOUT)' : ''}

    def forward(self, x):
        self.pre = self.norm(self.linear(x))
${dropout.join('\n')}
        if self.out.requires_grad:
            self.out.retain_grad()  # keep dL/dh for the statistics
        return self.out`;
}

function residualLayer(network: NetworkConfig, act: string): string {
  const rezero = network.branchScale === 'rezero';
  return `class HiddenLayer(nn.Module):
    """skip False (layer 1, the projection to WIDTH): linear -> norm -> ${network.activation}${network.dropout ? ' -> dropout' : ''}.
    skip True: x + alpha * f(x), f = linear -> [norm if NORM_AT == 'inside'] -> ${network.activation}${network.dropout ? ' -> dropout' : ''};
    NORM_AT 'pre': x + alpha * f(norm(x)); 'post': norm(x + alpha * f(x)). Keeps the pre-activation
    (the nonlinearity's input), f's nonlinearity and the block's output h for the statistics."""

    def __init__(self, fan_in, units, skip=False):
        super().__init__()
        self.units = units
        self.skip = skip
        self.norm_at = NORM_AT if skip else 'inside'
        self.linear = nn.Linear(fan_in, PIECES * units)
        width = {'inside': PIECES * units, 'pre': fan_in, 'post': units}[self.norm_at]
        self.norm = ${normModule(network, 'width')}
        self.act = ${act}${network.dropout ? '\n        self.dropout = nn.Dropout(p=DROPOUT)  # on in train(), off in eval()' : ''}
        ${rezero ? 'self.alpha = nn.Parameter(torch.zeros(())) if skip else None  # ReZero: starts at 0' : 'self.alpha = ALPHA'}

    def linear_input(self, x):
        return self.norm(x) if self.norm_at == 'pre' else x

    def forward(self, x):
        z = self.linear(self.linear_input(x))
        self.pre = self.norm(z) if self.norm_at == 'inside' else z
        self.f = self.act(self.pre)
        branch = ${network.dropout ? 'self.dropout(self.f)' : 'self.f'}
        if self.skip:
            total = x + self.alpha * branch
            branch = self.norm(total) if self.norm_at == 'post' else total
        self.out = branch
        if self.out.requires_grad:
            self.out.retain_grad()  # keep dL/dh for the statistics
        return self.out`;
}

/** The HiddenLayer class; `act`: its nonlinearity's module (one per layer, for the recorder). */
export function hiddenLayerSource(network: NetworkConfig, act: string): string {
  return network.residual ? residualLayer(network, act) : plainLayer(network, act);
}

/** Dropout's modules alone on or off (batchnorm stays on batch statistics); '' without dropout. */
export const SET_DROPOUT_SOURCE = `def set_dropout(model, on):
    """Dropout follows train()/eval(); the probe (unless DROPOUT_IN_PROBE), LSUV and the monitoring
    batch run batchnorm on batch statistics with dropout off, as the page does."""
    for module in model.modules():
        if isinstance(module, nn.Dropout):
            module.train(on)`;
