import type { Distribution } from './scenario';

/** A seeded PRNG (mulberry32): the same seed gives the same simulation. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a scenario distribution, in seconds. */
export function sample(d: Distribution, random: () => number): number {
  switch (d.distribution) {
    case 'fixed':
      return d.mean;
    case 'exponential':
      return -Math.log(1 - random()) * d.mean;
    case 'uniform':
      return d.min + (d.max - d.min) * random();
    case 'lognormal': {
      // Parameters of the underlying normal from the requested mean and standard deviation.
      const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
      const mu = Math.log(d.mean) - sigma2 / 2;
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.exp(mu + Math.sqrt(sigma2) * normal);
    }
  }
}
