/**
 * Hyperparameter search, drawn as Bergstra & Bengio argue it: trials over learning rate × L2
 * (log axes, colour = validation accuracy, squares = grid, circles = random) with the accuracy
 * against the learning rate above, where the grid's trials stack on a few values and random
 * search covers the important axis densely.
 */
import { axisBottom, axisLeft, interpolateViridis, scaleLinear, scaleLog, select } from 'd3';
import { formatPercent } from '../engine/format';
import { formatPow10 } from './format';
import { chartColors, fontSizeFor } from './theme';
import type { Size } from './types';

export interface SearchPoint {
  learningRate: number;
  l2: number;
  accuracy: number;
  diverged: boolean;
  method: 'grid' | 'random';
}

export interface SearchScatterData {
  trials: SearchPoint[];
  learningRate: [number, number];
  l2: [number, number];
}

const MARGIN = { top: 8, right: 12, bottom: 34, left: 52 };
const MARGINAL_SHARE = 0.35;

const powerOfTen = (value: number) => formatPow10(Math.round(Math.log10(value)));

export function drawSearchScatter(svg: SVGSVGElement, data: SearchScatterData, size: Size): void {
  const scale = size.scale ?? 1;
  const root = select(svg)
    .attr('width', size.width * scale)
    .attr('height', size.height * scale)
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('role', 'img');
  const random = data.trials.filter((t) => t.method === 'random');
  const grid = data.trials.filter((t) => t.method === 'grid');
  const best = (list: SearchPoint[]) => Math.max(0, ...list.map((t) => t.accuracy));
  const distinct = (list: SearchPoint[]) =>
    new Set(list.map((t) => t.learningRate.toPrecision(6))).size;
  root.attr(
    'aria-label',
    `Hyperparameter search: ${grid.length} grid and ${random.length} random trials; ${distinct(grid)} against ${distinct(random)} distinct learning rates; best validation accuracy ${formatPercent(best(grid))} (grid) and ${formatPercent(best(random))} (random).`,
  );
  const width = Math.max(10, size.width - MARGIN.left - MARGIN.right);
  const height = Math.max(10, size.height - MARGIN.top - MARGIN.bottom);
  const marginalHeight = Math.round(height * MARGINAL_SHARE);
  const scatterTop = marginalHeight + 14;
  const scatterHeight = Math.max(10, height - scatterTop);
  const x = scaleLog().domain(data.learningRate).range([0, width]);
  const y = scaleLog().domain(data.l2).range([scatterHeight, 0]);
  const accuracyY = scaleLinear().domain([0, 1]).range([marginalHeight, 0]);
  // d3's axes write font-size 10 on their groups: the theme's size instead, as every chart has.
  const fontSize = fontSizeFor(size.width, size.height);

  const plot = root
    .selectAll<SVGGElement, null>('g.plot')
    .data([null])
    .join('g')
    .attr('class', 'plot')
    .attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  plot
    .selectAll<SVGGElement, null>('g.marginal-axis')
    .data([null])
    .join('g')
    .attr('class', 'marginal-axis')
    .call(
      axisLeft(accuracyY)
        .ticks(3)
        .tickFormat((v) => formatPercent(Number(v))),
    )
    .attr('font-size', fontSize)
    .attr('color', chartColors.axis);
  plot
    .selectAll<SVGGElement, null>('g.x-axis')
    .data([null])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(0,${scatterTop + scatterHeight})`)
    .call(axisBottom(x).ticks(5, powerOfTen))
    .attr('font-size', fontSize)
    .attr('color', chartColors.axis);
  plot
    .selectAll<SVGGElement, null>('g.y-axis')
    .data([null])
    .join('g')
    .attr('class', 'y-axis')
    .attr('transform', `translate(0,${scatterTop})`)
    .call(axisLeft(y).ticks(4, powerOfTen))
    .attr('font-size', fontSize)
    .attr('color', chartColors.axis);
  const titles = [
    {
      key: 'x',
      text: 'learning rate (log)',
      x: width / 2,
      y: scatterTop + scatterHeight + 30,
      anchor: 'middle',
      rotate: 0,
    },
    {
      key: 'y',
      text: 'L2 (log)',
      x: -(scatterTop + scatterHeight / 2),
      y: -40,
      anchor: 'middle',
      rotate: -90,
    },
    { key: 'm', text: 'validation accuracy', x: 4, y: 8, anchor: 'start', rotate: 0 },
  ];
  plot
    .selectAll<SVGTextElement, (typeof titles)[number]>('text.title')
    .data(titles, (d) => d.key)
    .join('text')
    .attr('class', 'title')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('transform', (d) => (d.rotate ? `rotate(${d.rotate})` : null))
    .attr('text-anchor', (d) => d.anchor)
    .attr('font-size', fontSize)
    .attr('fill', chartColors.text)
    .text((d) => d.text);

  const color = (t: SearchPoint) =>
    t.diverged ? chartColors.muted : interpolateViridis(0.1 + 0.85 * t.accuracy);
  const mark = (t: SearchPoint, cx: number, cy: number) =>
    t.method === 'grid'
      ? `M${cx - 4},${cy - 4}h8v8h-8z`
      : `M${cx - 4.5},${cy}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0`;
  const key = (t: SearchPoint) => `${t.method}:${t.learningRate}:${t.l2}`;
  plot
    .selectAll<SVGPathElement, SearchPoint>('path.trial')
    .data(data.trials, key)
    .join('path')
    .attr('class', 'trial')
    .attr('d', (t) => mark(t, x(t.learningRate), scatterTop + y(t.l2)))
    .attr('fill', color)
    .attr('stroke', chartColors.text)
    .attr('stroke-width', 0.6);
  plot
    .selectAll<SVGPathElement, SearchPoint>('path.marginal')
    .data(data.trials, key)
    .join('path')
    .attr('class', 'marginal')
    .attr('d', (t) => mark(t, x(t.learningRate), accuracyY(t.accuracy)))
    .attr('fill', color)
    .attr('stroke', chartColors.text)
    .attr('stroke-width', 0.6);
}
