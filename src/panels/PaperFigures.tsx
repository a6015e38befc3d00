/**
 * The papers' figures, drawn in their own form from the numbers each claim's check measured:
 * quantities against training steps or against depth, one line per condition.
 */
import { drawLineChart, type LineChartData, type LineSeries } from '../charts/sparkline';
import type { MeasuredValue } from '../engine/claims/types';
import { useChart } from './useChart';

interface FigureSpec {
  title: string;
  /** A measured array of x values, or 'layer' for 1…n. */
  x: string;
  series: { key: string; name: string; color: string; dashed?: boolean }[];
  xTitle: string;
  yTitle: string;
  logY?: boolean;
}

const ACT = 'var(--chart-act)';
const GRAD = 'var(--chart-grad)';
const OTHER = 'var(--chart-compare)';
const THEORY = 'var(--chart-theory)';

const FIGURES: Record<string, FigureSpec[]> = {
  'glorot2010-sigmoid-top-saturates': [
    {
      title: 'Mean of each layer’s outputs over training (their Fig. 2)',
      x: 'steps',
      series: [
        { key: 'layer1Mean', name: 'layer 1', color: THEORY },
        { key: 'layer2Mean', name: 'layer 2', color: OTHER },
        { key: 'layer3Mean', name: 'layer 3', color: GRAD },
        { key: 'layer4Mean', name: 'layer 4 (top)', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'mean h',
    },
  ],
  'glorot2010-normalized-init': [
    {
      title: 'Std of outputs by layer (their Fig. 6)',
      x: 'layer',
      series: [
        { key: 'standardActStd', name: 'standard', color: GRAD },
        { key: 'normalizedActStd', name: 'normalized (Glorot)', color: ACT },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
    {
      title: 'Std of back-propagated gradients by layer (their Fig. 7)',
      x: 'layer',
      series: [
        { key: 'standardGradStd', name: 'standard', color: GRAD },
        { key: 'normalizedGradStd', name: 'normalized (Glorot)', color: ACT },
      ],
      xTitle: 'layer',
      yTitle: 'std of ∂L/∂h (log)',
      logY: true,
    },
  ],
  'ioffe2015-bn-stable-inputs': [
    {
      title: 'Validation accuracy over training (their Fig. 1a)',
      x: 'steps',
      series: [
        { key: 'plainAccuracy', name: 'without batchnorm', color: GRAD },
        { key: 'batchnormAccuracy', name: 'with batchnorm', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'accuracy',
    },
    {
      title: '15th, 50th, 85th percentiles of a last-layer sigmoid’s input (their Fig. 1b, c)',
      x: 'steps',
      series: [
        { key: 'plainP15', name: 'without, 15 %', color: GRAD, dashed: true },
        { key: 'plainP50', name: 'without, 50 %', color: GRAD },
        { key: 'plainP85', name: 'without, 85 %', color: GRAD, dashed: true },
        { key: 'batchnormP15', name: 'with, 15 %', color: ACT, dashed: true },
        { key: 'batchnormP50', name: 'with, 50 %', color: ACT },
        { key: 'batchnormP85', name: 'with, 85 %', color: ACT, dashed: true },
      ],
      xTitle: 'step',
      yTitle: 'input to the sigmoid',
    },
  ],
  'he2015-deep-relu-xavier-stalls': [
    {
      title: 'Training loss of a 30-layer ReLU network (their Fig. 3, in MLP form)',
      x: 'lossSteps',
      series: [
        { key: 'xavierLoss', name: 'Xavier / Glorot', color: GRAD },
        { key: 'heLoss', name: 'He', color: ACT },
      ],
      xTitle: 'step',
      yTitle: 'loss',
    },
  ],
  'saxe2014-orthogonal': [
    {
      title: 'Std of outputs by layer, 50 layers',
      x: 'layer',
      series: [
        { key: 'linearOrthogonalActStd', name: 'linear, orthogonal', color: ACT },
        { key: 'linearGaussianActStd', name: 'linear, Gaussian', color: ACT, dashed: true },
        { key: 'tanhOrthogonalActStd', name: 'tanh, orthogonal', color: GRAD },
        { key: 'tanhGaussianActStd', name: 'tanh, Gaussian', color: GRAD, dashed: true },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
  ],
  'mishkin2016-lsuv': [
    {
      title: 'Std of outputs by layer, 50 ReLU layers',
      x: 'layer',
      series: [
        { key: 'lsuvActStd', name: 'LSUV', color: ACT },
        { key: 'heActStd', name: 'He', color: GRAD, dashed: true },
        { key: 'orthogonalActStd', name: 'orthogonal', color: OTHER, dashed: true },
      ],
      xTitle: 'layer',
      yTitle: 'std of h (log)',
      logY: true,
    },
  ],
};

function numbers(value: MeasuredValue | undefined): number[] {
  return Array.isArray(value) ? value : [];
}

function Figure({ spec, measured }: { spec: FigureSpec; measured: Record<string, MeasuredValue> }) {
  const series: LineSeries[] = spec.series.map((s) => {
    const ys = numbers(measured[s.key]);
    const xs = spec.x === 'layer' ? ys.map((_, i) => i + 1) : numbers(measured[spec.x]);
    return {
      name: s.name,
      color: s.color,
      dashed: s.dashed,
      values: ys.map((y, i) => ({ x: xs[i], y })),
    };
  });
  const data: LineChartData = { series, xTitle: spec.xTitle, yTitle: spec.yTitle, logY: spec.logY };
  const ref = useChart(drawLineChart, data, 190);
  return (
    <figure className="paper-figure">
      <figcaption>{spec.title}</figcaption>
      <svg ref={ref} height={190} />
    </figure>
  );
}

/** The figures of one paper claim (none for the lecture's claims). */
export function PaperFigures({
  claim,
  measured,
}: {
  claim: string;
  measured: Record<string, MeasuredValue>;
}) {
  const specs = FIGURES[claim];
  if (!specs) return null;
  return (
    <div className="paper-figures" data-testid={`paper-figures-${claim}`}>
      {specs.map((spec) => (
        <Figure key={spec.title} spec={spec} measured={measured} />
      ))}
    </div>
  );
}
