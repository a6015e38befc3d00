/**
 * A small 2-D point cloud with its axes through the origin, on a square scale shared by both
 * axes (so zero-centring, rotation and whitening read as the lecture draws them).
 */
import { formatNumber } from '../engine/format';
import { prepareCanvas, readCanvasTheme, rgbCss } from './canvas';
import { classColors } from './decision-regions';
import type { Size } from './types';

export interface PointCloudData {
  x: Float32Array;
  y: Float32Array;
  label: Uint8Array;
  title: string;
}

export function drawPointCloud(canvas: HTMLCanvasElement, data: PointCloudData, size: Size): void {
  const n = data.x.length;
  let reach = 1e-9;
  for (let i = 0; i < n; i++) reach = Math.max(reach, Math.abs(data.x[i]), Math.abs(data.y[i]));
  const frame = prepareCanvas(
    canvas,
    size,
    `${data.title}: ${n} points; both axes from ${formatNumber(-reach)} to ${formatNumber(reach)}`,
  );
  if (!frame) return;
  const context = frame.ctx;
  // The frame is in device pixels: draw in CSS pixels.
  context.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  const theme = readCanvasTheme(canvas);
  const side = Math.min(size.width, size.height);
  const half = side / 2 - 4;
  const cx = size.width / 2;
  const cy = size.height / 2;
  context.clearRect(0, 0, size.width, size.height);
  context.strokeStyle = rgbCss(theme.axis, 0.5);
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(cx - half, cy);
  context.lineTo(cx + half, cy);
  context.moveTo(cx, cy - half);
  context.lineTo(cx, cy + half);
  context.stroke();
  for (let i = 0; i < n; i++) {
    context.fillStyle = classColors[data.label[i] % classColors.length];
    context.beginPath();
    context.arc(
      cx + (data.x[i] / reach) * half,
      cy - (data.y[i] / reach) * half,
      1.6,
      0,
      2 * Math.PI,
    );
    context.fill();
  }
}
