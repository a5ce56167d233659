/** Randomness for the demo seed: pooled UUIDv7 ids and a seeded, deterministic PRNG. */
import { randomFillSync } from 'node:crypto';
import { createIdGenerator } from '@shoebox/shared';

// The shared UUIDv7 generator fed from a pooled CSPRNG buffer: seedId() asks the OS for random
// bytes twice per id (~5 us), which was a fifth of a 100k-variant seed.
const randomPool = new Uint8Array(64 * 1024);
let poolOffset = randomPool.length;
const pooledRandom = (length: number): Uint8Array => {
  if (poolOffset + length > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  poolOffset += length;
  return randomPool.slice(poolOffset - length, poolOffset);
};
/** Same format and ordering as seedId(), for the hundreds of thousands of rows of a big seed. */
export const seedId: () => string = createIdGenerator({ random: pooledRandom });

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
