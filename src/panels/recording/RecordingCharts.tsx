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
import { FRACTION_DOMAIN, type LineChartData, type LineSeries } from '../../charts/sparkline';
import { layerColor } from '../../charts/layer-colors';
import type { Size } from '../../charts/types';
import { type ActivationName, RELU_FAMILY } from '../../engine/config';
import { type PackedRecording, type StatKey, statAt } from '../../engine/recording/packed';
import type { OpenedRecording } from '../../store/results';
import { LineChart } from '../LineChart';
import { useChart } from '../useChart';
import {
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
function depthData(recording: PackedRecording, step: number): DepthChartData {
  const column = (key: StatKey) =>
    recording.header.model.layers.map((_, l) => statAt(recording, key, l, step));
  const theoryAct = column('theory_act_std');
  return {
    layers: recording.layerCount,
    actStd: column('act_std'),
    gradStd: column('grad_act_std'),
    theoryAct,
    theoryGrad: column('theory_grad_act_std'),
    noTheory: theoryAct.some((t) => t !== null)
      ? null
      : 'Measured only: the recording carries no theory curve.',
  };
}

export function RecordingDepthChart(props: {
  shown: OpenedRecording;
  pinned: OpenedRecording | null;
  /** The slider's place in B's steps. */
  step: number;
}) {
  const { shown, pinned, step } = props;
  const stepNumber = shown.recording.stepNumbers[step];
  const input = useMemo(() => {
    const data = depthData(shown.recording, step);
    if (!pinned) return { data, compare: null };
    const a = depthData(pinned.recording, nearestStep(pinned.recording, stepNumber));
    return { data, compare: { label: `A: ${pinned.name}`, actStd: a.actStd, gradStd: a.gradStd } };
  }, [shown, pinned, step, stepNumber]);
  const ref = useChart(drawDepth, input, 230);
  return (
    <section className="depth-chart card" aria-labelledby="recording-depth-title">
      <h2 id="recording-depth-title">Std by depth at step {stepNumber}</h2>
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
  shown: PackedRecording,
  pinned: PackedRecording | null,
  series: (recording: PackedRecording) => StepSeries[],
): LineSeries[] {
  const b = lines(series(shown), pinned ? 'B ' : '', false);
  return pinned ? [...b, ...lines(series(pinned), 'A ', true)] : b;
}

const gradStd = (r: PackedRecording) => layerSeries(r, 'grad_act_std');
const dead = (r: PackedRecording) => layerSeries(r, 'dead');
const saturated = (r: PackedRecording) => layerSeries(r, 'saturated');

export function RecordingSeries(props: { shown: OpenedRecording; pinned: OpenedRecording | null }) {
  const shown = props.shown.recording;
  const pinned = props.pinned?.recording ?? null;
  const charts = useMemo(() => {
    const has = (names: readonly ActivationName[]) =>
      shown.header.model.layers.some((l) => l.activation !== null && names.includes(l.activation));
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
        ? {
            series: overlay(shown, pinned, dead),
            xTitle: x,
            yTitle: 'dead fraction',
            yDomain: FRACTION_DOMAIN,
          }
        : null,
      saturated: has(['tanh', 'sigmoid'])
        ? {
            series: overlay(shown, pinned, saturated),
            xTitle: x,
            yTitle: 'saturated fraction',
            yDomain: FRACTION_DOMAIN,
          }
        : null,
    } satisfies Record<string, LineChartData | null>;
  }, [shown, pinned]);
  if (shown.stepCount < 2) return null;
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
