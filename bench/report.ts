/** The bench's table on the terminal: each key, its value, and what it measures (with its goal, if any). */
export function printTable(r: Record<string, unknown>): void {
  const one = r.oneGroupScale as { timeRatio: number; readUnitRatio: number };
  const voice = r.voiceUnderQuota as {
    arrivals: number;
    targeted: number;
    lost: number;
    offeredBySweep: number;
    waitP99Ms: number;
  };
  const at150 = r.latencyAt150 as { offered: number; arrivals: number };
  const full = r.nearFull as {
    from: number;
    to: number;
    transactionsPerRoutedItem: number;
    requestsPerRoutedItem: number;
  };
  const rows: [string, unknown, string][] = [
    ['cores', JSON.stringify(r.cores ?? 'not pinned'), 'DynamoDB Local and the bench process, by taskset'],
    ['floorTransactionsPerSecond', r.floorTransactionsPerSecond, 'raw 2-item TransactWriteItems/s, 8 clients'],
    ['routedPerSecond', r.routedPerSecond, `arrivals submitted and offered/s, ${r.reps} reps, 8 routers`],
    ['routingToFloorRatio', r.routingToFloorRatio, 'goal >= 0.8'],
    ['arrivalWriteFloorPerSecond', r.arrivalWriteFloorPerSecond, 'the writes an arrival must make (item, rep)'],
    ['routingToArrivalWriteFloorRatio', r.routingToArrivalWriteFloorRatio, 'routing against that floor'],
    ['transactionsPerRoutedItem', r.transactionsPerRoutedItem, 'goal <= 1.05, 8 racing routers'],
    ['requestsPerRoutedItem', r.requestsPerRoutedItem, 'DynamoDB requests, counted by middleware (goal <= 1.15)'],
    [
      'nearFull',
      `${full.transactionsPerRoutedItem} / ${full.requestsPerRoutedItem}`,
      `transactions / requests per routed arrival, the center ${full.from * 100}% to ${full.to * 100}% full`,
    ],
    ['routerCpuMsPerRoutedItem', r.routerCpuMsPerRoutedItem, 'bench process CPU per routed arrival'],
    ['floorCpuMsPerTransaction', r.floorCpuMsPerTransaction, 'bench process CPU per floor transaction'],
    ['lifecyclePerSecond', r.lifecyclePerSecond, 'submit -> offer -> accept -> complete /s'],
    ['costPerMillionRoutedUsd', r.costPerMillionRoutedUsd, 'on-demand, table units as reported'],
    ['scaleTimeRatio', r.scaleTimeRatio, '10,000 reps/100,000 waiting vs 100/100 (goal <= 2)'],
    ['oneGroupScale.timeRatio', one.timeRatio, 'one group, 10,000 vs 100 reps, slower of push/pull (goal <= 2)'],
    ['oneGroupScale.readUnitRatio', one.readUnitRatio, 'same, read units (goal <= 2)'],
    ['offerLatencyP99Ms', r.offerLatencyP99Ms, 'submit -> offer event, 50 arrivals/s'],
    [
      'offerLatencyP99MsAt150',
      r.offerLatencyP99MsAt150,
      `same, 150 arrivals/s (goal < 25); ${at150.offered} of ${at150.arrivals} offered (one never offered counts as never)`,
    ],
    [
      'voiceUnderQuota',
      `${voice.targeted}/${voice.arrivals}`,
      `targeted, 40/s vs a 20/s quota; lost ${voice.lost}; ${voice.offeredBySweep} offered by the sweeper`,
    ],
    ['bundleLoadMsMax', r.bundleLoadMsMax, 'slowest handler bundle to load as deployed (goal <= 100)'],
    [
      'bundleLoadMsMaxWithNodeSourceMaps',
      r.bundleLoadMsMaxWithNodeSourceMaps,
      "the same with Node's --enable-source-maps",
    ],
    ['peakRssMb', r.peakRssMb, 'router process while routing (DynamoDB Local is a separate process)'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v, note] of rows) console.log(`${k.padEnd(width)}  ${String(v).padStart(9)}  ${note}`);
  console.log(`\nwritten: bench/results.json${r.quick ? ' (quick run)' : ''}`);
}
