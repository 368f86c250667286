import '../../local-center/quiet-handlers';
import { resolve } from 'node:path';
import { startLiveCenter } from '../../local-center/live-center';
import { loadScenario } from '../load-scenario';
import { formatReport, progressPrinter } from '../report-format';

const DEFAULT_SCENARIO = resolve(__dirname, '../../../examples/default-scenario.json');
/** Virtual seconds per real second: one busy hour in about 30 seconds, slow enough to watch. */
const DEFAULT_SPEED = 120;

/**
 * `npm start`: the local contact center. DynamoDB Local, the example contact center at an accelerated pace,
 * the Command Center (sign in as a supervisor) and the HTTP API at http://localhost:8080 while it runs, then the
 * report; everything started is stopped. `npm start -- --live` runs in real time, with people as reps, until Ctrl-C.
 */
async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = process.argv.slice(2);
  const live = args.includes('--live');
  const at = args.indexOf('--people');
  const people = at >= 0 ? args.splice(at, 2)[1]?.split(',') : undefined;
  const scenarioPath = args.filter((a) => a !== '--live')[0] ?? DEFAULT_SCENARIO;
  const loaded = loadScenario(scenarioPath);
  if (!loaded.ok) {
    console.error(`${scenarioPath} is not a valid scenario:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  const speed = Number(process.env.SPEED ?? DEFAULT_SPEED);
  const progress = live ? undefined : progressPrinter(process.stdout, loaded.scenario.durationMinutes);
  console.log('Starting DynamoDB Local and the local contact center…');
  const center = await startLiveCenter({
    scenarioPath,
    port: Number(process.env.PORT ?? 8080),
    mode: live ? { kind: 'live' } : { kind: 'accelerated', speed },
    people,
    onProgress: (p) => progress?.update(p),
  });
  console.log(`Command Center: ${center.url}/command-center/   (sign in as ${center.supervisors.join(' or ')})`);
  if (live) {
    console.log(`Rep workspace:  ${center.url}/rep/   (sign in as ${center.people.join(' or ')})`);
    // Voice runs through the local Amazon Connect: the workspace's softphone stand-in answers these calls.
    const queue = center.voiceQueues[0];
    if (queue) console.log(`Place a call:   curl -X POST ${center.url}/connect/calls -d '{"queue":"${queue}"}'`);
  }
  console.log(`HTTP API:       ${center.url}/api   (OpenAPI: ${center.url}/openapi.json)`);
  console.log(`Push channel:   ${center.url.replace('http', 'ws')}/desktop?token=…`);
  const someone = center.people[0] ?? center.supervisors[0];
  console.log(`A token:        curl '${center.url}/auth/dev-token?username=${someone}'`);
  if (live) {
    console.log('Simulated traffic runs in real time. Ctrl-C stops everything.');
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
    console.log('\nStopping…');
    await center.close();
    return 0;
  }
  console.log(`Running "${loaded.scenario.name}": ${loaded.scenario.durationMinutes} virtual minutes at ${speed}x`);
  const report = await center.finished;
  progress?.done();
  await center.close();
  if (report) console.log(`\n${formatReport(report)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
