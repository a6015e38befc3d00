/**
 * The recording over depth and over time: std of outputs and gradients by layer at the slider's
 * step (A's dotted beside it), then loss, update:data (with the 1e-3 rule), dead or saturated
 * fractions and ∂L/∂h std per layer over the recorded steps.
 */
import { useMemo } from 'react';
import {
  type DepthChartData,
  type DepthChartOptions,
  drawDepthChart,
} from '../../charts/depth-chart';
import type { LineChartData, LineSeries } from '../../charts/sparkline';
import { layerColor } from '../../charts/theme';
import type { Size } from '../../charts/types';
import { type ActivationName, RELU_FAMILY } from '../../engine/config';
import type { RecordedLayerStep, RecordedStep, Recording } from '../../engine/recording/format';
import type { OpenedRecording } from '../../store/results';
import { LineChart } from '../LineChart';
import { useChart } from '../useChart';
import {
  layerAt,
  layerSeries,
  lossSeries,
  nearestStep,
  type StepSeries,
  updateSeries,
} from './recording-data';

type DepthInput = { data: DepthChartData } & DepthChartOptions;

function drawDepth(svg: SVGSVGElement, input: DepthInput, size: Size) {
  drawDepthChart(svg, input.data, size, { compare: input.compare });
}

/** Std by depth at one step; the theory only where the file carries it (the lab's own runs). */
function depthData(recording: Recording, step: RecordedStep | undefined) {
  const rows = recording.model.layers.map((layer) => layerAt(step, layer.name));
  const theory = rows.map((row) => row?.theory ?? null);
  const hasTheory = theory.some((t) => t !== null);
  return {
    layers: rows.length,
    actStd: rows.map((row) => row?.act?.std ?? null),
    gradStd: rows.map((row) => row?.grad_act_std ?? null),
    theoryAct: theory.map((t) => t?.act_std ?? null),
    theoryGrad: theory.map((t) => t?.grad_act_std ?? null),
    noTheory: hasTheory ? null : 'Measured only: the recording carries no theory curve.',
  };
}

export function RecordingDepthChart(props: {
  shown: OpenedRecording;
  pinned: OpenedRecording | null;
  step: RecordedStep;
}) {
  const { shown, pinned, step } = props;
  const input = useMemo(() => {
    const data = depthData(shown.recording, step);
    if (!pinned) return { data, compare: null };
    const a = depthData(pinned.recording, nearestStep(pinned.recording, step.step));
    return { data, compare: { label: `A: ${pinned.name}`, actStd: a.actStd, gradStd: a.gradStd } };
  }, [shown, pinned, step]);
  const ref = useChart(drawDepth, input, 230);
  return (
    <section className="depth-chart card" aria-labelledby="recording-depth-title">
      <h2 id="recording-depth-title">Std by depth at step {step.step}</h2>
      <svg ref={ref} height={230} />
      {input.data.noTheory && <p className="caption">{input.data.noTheory}</p>}
    </section>
  );
}

function lines(list: StepSeries[], prefix: string, dashed: boolean): LineSeries[] {
  return list.map((s, i) => ({
    name: `${prefix}${s.name}`,
    color: layerColor(i, list.length),
    values: s.points,
    dashed,
  }));
}

/** B's series solid, A's dashed and named "A …" (A's only where it has the statistic). */
function overlay(
  shown: Recording,
  pinned: Recording | null,
  series: (recording: Recording) => StepSeries[],
): LineSeries[] {
  const b = lines(series(shown), pinned ? 'B ' : '', false);
  return pinned ? [...b, ...lines(series(pinned), 'A ', true)] : b;
}

const gradStd = (r: Recording) => layerSeries(r, (l: RecordedLayerStep) => l.grad_act_std);
const dead = (r: Recording) => layerSeries(r, (l) => l.dead);
const saturated = (r: Recording) => layerSeries(r, (l) => l.saturated);

export function RecordingSeries(props: { shown: OpenedRecording; pinned: OpenedRecording | null }) {
  const shown = props.shown.recording;
  const pinned = props.pinned?.recording ?? null;
  const charts = useMemo(() => {
    const has = (names: readonly ActivationName[]) =>
      shown.model.layers.some((l) => l.activation !== null && names.includes(l.activation));
    const loss = lossSeries(shown);
    const x = 'step';
    return {
      loss:
        loss.length > 1
          ? {
              series: [{ name: 'loss', color: 'var(--chart-act)', values: loss }],
              xTitle: x,
              yTitle: 'loss (log)',
              logY: true,
            }
          : null,
      update: {
        series: overlay(shown, pinned, updateSeries),
        xTitle: x,
        yTitle: 'std(ΔW)/std(W)',
        logY: true,
        guide: { y: 1e-3, label: '1e-3 rule' },
      },
      grad: {
        series: overlay(shown, pinned, gradStd),
        xTitle: x,
        yTitle: 'std of ∂L/∂h',
        logY: true,
      },
      dead: has(RELU_FAMILY)
        ? { series: overlay(shown, pinned, dead), xTitle: x, yTitle: 'dead fraction' }
        : null,
      saturated: has(['tanh', 'sigmoid'])
        ? { series: overlay(shown, pinned, saturated), xTitle: x, yTitle: 'saturated fraction' }
        : null,
    } satisfies Record<string, LineChartData | null>;
  }, [shown, pinned]);
  if (shown.steps.length < 2) return null;
  return (
    <div className="series-grid">
      {charts.loss && <LineChart data={charts.loss} height={150} title="Loss" />}
      <LineChart data={charts.update} height={150} title="Update:data ratio per layer" />
      <LineChart data={charts.grad} height={150} title="Gradient std per layer" />
      {charts.dead && <LineChart data={charts.dead} height={150} title="Dead units per layer" />}
      {charts.saturated && (
        <LineChart data={charts.saturated} height={150} title="Saturated units per layer" />
      )}
    </div>
  );
}
