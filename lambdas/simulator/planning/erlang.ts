/**
 * Erlang A (M/M/n+M: Poisson arrivals, exponential handle and patience times, n reps) solved exactly as a
 * birth-death chain; with no patience it is Erlang C (M/M/n). Times are in seconds.
 */
export interface ErlangLoad {
  /** Arrivals per second. */
  readonly arrivalRate: number;
  readonly meanHandleSeconds: number;
  /** Mean patience; omit for callers who never abandon (Erlang C). */
  readonly meanPatienceSeconds?: number;
}

export interface ErlangFigures {
  /** The share of arrivals that wait at all (all reps busy on arrival). */
  readonly pDelay: number;
  readonly pAbandon: number;
  /** The share of answered items answered within the service-level threshold. */
  readonly serviceLevel: number;
  /** The share of answered items that waited at all (the simulator's `waitedFraction`). */
  readonly waitedFraction: number;
  readonly occupancy: number;
}

const MAX_STATES = 20_000;

/** The stationary distribution of the number in system, truncated where its tail is negligible. */
function stationary(n: number, lambda: number, mu: number, theta: number): number[] | undefined {
  if (theta === 0 && lambda >= n * mu) return undefined;
  const terms = [1];
  let sum = 1;
  for (let k = 1; k < MAX_STATES; k++) {
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    const term = (terms[k - 1]! * lambda) / death;
    terms.push(term);
    sum += term;
    if (k > n && term < 1e-13 * sum && death > lambda) break;
  }
  return terms.map((t) => t / sum);
}

/**
 * For a caller who finds m others waiting ahead: the probability of being answered within t. Uniformized: the
 * chain counts down the callers ahead at rate nμ + mθ, and the caller's own patience ends it at rate θ.
 */
function answeredWithin(n: number, mu: number, theta: number, waitingStates: number, t: number): number[] {
  const down = (m: number) => rate(n, mu, theta, m);
  const uniform = down(waitingStates) + theta;
  const x = uniform * t;
  let v = new Array<number>(waitingStates).fill(0);
  const result = new Array<number>(waitingStates).fill(0);
  let logWeight = -x;
  let cumulative = 0;
  for (let k = 0; k < 100_000; k++) {
    const weight = Math.exp(logWeight);
    for (let m = 0; m < waitingStates; m++) result[m]! += weight * v[m]!;
    cumulative += weight;
    if (k > x && 1 - cumulative < 1e-10) break;
    const next = new Array<number>(waitingStates);
    for (let m = 0; m < waitingStates; m++) {
      const ahead = m === 0 ? 1 : v[m - 1]!;
      next[m] = (down(m) / uniform) * ahead + (1 - (down(m) + theta) / uniform) * v[m]!;
    }
    v = next;
    logWeight += Math.log(x) - Math.log(k + 1);
  }
  return result;
}

export function erlang(n: number, load: ErlangLoad, serviceLevelSeconds: number): ErlangFigures {
  const lambda = load.arrivalRate;
  const mu = 1 / load.meanHandleSeconds;
  const theta = load.meanPatienceSeconds ? 1 / load.meanPatienceSeconds : 0;
  const pi = n > 0 && lambda > 0 ? stationary(n, lambda, mu, theta) : undefined;
  if (!pi) {
    const idle = lambda === 0;
    return {
      pDelay: idle ? 0 : 1,
      pAbandon: idle || theta === 0 ? 0 : 1,
      serviceLevel: idle ? 1 : 0,
      waitedFraction: idle ? 0 : 1,
      occupancy: idle ? 0 : 1,
    };
  }
  const waitingStates = Math.max(0, pi.length - n);
  const within = answeredWithin(n, mu, theta, waitingStates, serviceLevelSeconds);
  let immediate = 0;
  for (let k = 0; k < n; k++) immediate += pi[k]!;
  let answeredLater = 0;
  let answeredInTime = 0;
  let abandonRate = 0;
  let served = 1;
  for (let m = 0; m < waitingStates; m++) {
    const p = pi[n + m]!;
    // Answered at all: at every step ahead, the queue moves before the caller's patience ends.
    served *= rate(n, mu, theta, m) / (rate(n, mu, theta, m) + theta);
    answeredLater += p * served;
    answeredInTime += p * within[m]!;
    abandonRate += p * m * theta;
  }
  const answered = immediate + answeredLater;
  let busy = 0;
  for (let k = 0; k < pi.length; k++) busy += pi[k]! * Math.min(k, n);
  return {
    pDelay: 1 - immediate,
    pAbandon: Math.min(1, abandonRate / lambda),
    serviceLevel: answered > 0 ? (immediate + answeredInTime) / answered : 0,
    waitedFraction: answered > 0 ? answeredLater / answered : 0,
    occupancy: busy / n,
  };
}

const rate = (n: number, mu: number, theta: number, m: number) => n * mu + m * theta;

/** The fewest reps (servers) whose Erlang figures meet the targets; `undefined` targets are not checked. */
export function fewestServers(
  load: ErlangLoad,
  target: { readonly serviceLevel?: number; readonly maxAbandon?: number; readonly serviceLevelSeconds: number },
): number {
  if (load.arrivalRate === 0) return 0;
  const offered = load.arrivalRate * load.meanHandleSeconds;
  for (let n = Math.max(1, Math.floor(offered)); n < 20_000; n++) {
    const f = erlang(n, load, target.serviceLevelSeconds);
    const slOk = target.serviceLevel === undefined || f.serviceLevel >= target.serviceLevel;
    const abOk = target.maxAbandon === undefined || f.pAbandon <= target.maxAbandon;
    if (slOk && abOk && (load.meanPatienceSeconds || n > offered)) return n;
  }
  return 20_000;
}
