import { resolve } from 'node:path';
import { CommandCenterProjection } from '../../command-center/projection';
import { serveCommandCenter } from '../../command-center/server';
import { CompiledConfig } from '../../domain/config/compiled-config';
import { validateConfig } from '../../domain/config/validate-config';
import { startLiveCenter } from '../../local-center/live-center';
import { START, simulate } from '../engine';
import { loadScenario } from '../load-scenario';
import { formatReport, progressPrinter } from '../report-format';
import { openStore } from '../stores';

const DEFAULT_SCENARIO = resolve(__dirname, '../../../examples/default-scenario.json');
/** Virtual seconds per real second: one busy hour in about 30 seconds, slow enough to watch. */
const DEFAULT_SPEED = 120;

/**
 * `npm start`: the local contact center. DynamoDB Local, the example contact center at an accelerated pace,
 * the Command Center at http://localhost:8080 while it runs, then the report; everything started is stopped.
 */
async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = process.argv.slice(2);
  if (args.includes('--live')) return live(args.filter((a) => a !== '--live'));
  const scenarioPath = args[0] ?? DEFAULT_SCENARIO;
  const speed = Number(process.env.SPEED ?? DEFAULT_SPEED);
  const port = Number(process.env.PORT ?? 8080);
  const loaded = loadScenario(scenarioPath);
  if (!loaded.ok) {
    console.error(`${scenarioPath} is not a valid scenario:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  const valid = validateConfig(loaded.config);
  if (!valid.ok) {
    console.error(valid.problems.join('\n'));
    return 2;
  }
  const projection = new CommandCenterProjection(new CompiledConfig(valid.config), loaded.scenario.serviceLevelSeconds);
  let now = START;
  let lastSample = 0;
  console.log('Starting DynamoDB Local…');
  const sim = await openStore('dynamodb');
  const server = await serveCommandCenter(() => projection.snapshot(now), port);
  console.log(`Command Center: ${server.url}  (live while the simulation runs)`);
  console.log(`Running "${loaded.scenario.name}": ${loaded.scenario.durationMinutes} virtual minutes at ${speed}x`);
  try {
    const progress = progressPrinter(process.stdout, loaded.scenario.durationMinutes);
    const report = await simulate(loaded.scenario, loaded.config, loaded.reps, sim, {
      speed,
      onEvent: (e, at) => {
        now = at;
        projection.apply(e);
        if (at - lastSample >= 15_000) {
          lastSample = at;
          projection.sample(at);
        }
      },
      onProgress: (p) => {
        now = START + p.virtualSeconds * 1000;
        progress.update(p);
      },
    });
    progress.done();
    console.log(`\n${formatReport(report)}`);
    return 0;
  } finally {
    await server.close();
    await sim.close();
  }
}

/** `npm start -- --live [--people rep-1,rep-2] [scenario]`: runs until Ctrl-C. */
async function live(args: string[]): Promise<number> {
  const at = args.indexOf('--people');
  const people = at >= 0 ? args.splice(at, 2)[1]?.split(',') : undefined;
  console.log('Starting DynamoDB Local and the live contact center…');
  const center = await startLiveCenter({
    scenarioPath: args[0] ?? DEFAULT_SCENARIO,
    port: Number(process.env.PORT ?? 8080),
    people,
  });
  console.log(`Rep workspace:  ${center.url}/rep/   (sign in as ${center.people.join(' or ')})`);
  console.log(`Command Center: ${center.url}/`);
  console.log(`HTTP API:       ${center.url}/api   (OpenAPI: ${center.url}/openapi.json)`);
  console.log(`Push channel:   ${center.url.replace('http', 'ws')}/desktop?token=…`);
  console.log(`A token:        curl '${center.url}/auth/dev-token?username=${center.people[0]}'`);
  console.log('Simulated traffic runs in real time. Ctrl-C stops everything.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  console.log('\nStopping…');
  await center.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
