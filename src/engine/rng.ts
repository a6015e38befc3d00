/**
 * Seeded random numbers: sfc32 on 32-bit integer state, so one seed gives the same stream
 * in Node and in every browser (only integer ops and Math.log/sqrt/cos, which V8 computes
 * the same way everywhere). Gaussians by Box–Muller, the second value kept for the next call.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number, stream = 0) {
    // splitmix32 spreads any integer seed (and stream number) over the four state words.
    let s = (seed ^ Math.imul(stream, 0x632be5ab)) >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer on [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal N(0, 1). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    // 1 - uniform() lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }

  fillNormal(out: Float32Array, scale = 1): void {
    for (let i = 0; i < out.length; i++) out[i] = this.normal() * scale;
  }

  fillUniform(out: Float32Array, low: number, high: number): void {
    for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * this.uniform();
  }

  /** Fisher–Yates shuffle in place. */
  shuffle(values: Int32Array | number[]): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}

/** Independent streams of one seed, so that e.g. changing the init does not change the data. */
export const enum Streams {
  Weights = 1,
  ProbeData = 2,
  Batches = 3,
  Dataset = 4,
  /** The trainer's fixed monitoring batch. */
  Monitor = 5,
  /** Dropout masks, drawn anew in each training pass. */
  Dropout = 6,
}
