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

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A Gamma draw with the given shape and mean 1 (Marsaglia and Tsang's method; shape < 1 by boosting). */
export function gammaMeanOne(shape: number, random: () => number): number {
  if (shape < 1) return gammaMeanOne(shape + 1, random) * ((shape + 1) / shape) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / shape;
  }
}
