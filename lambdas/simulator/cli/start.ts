import { resolve } from 'node:path';
import { CommandCenterProjection } from '../../command-center/projection';
import { serveCommandCenter } from '../../command-center/server';
import { CompiledConfig } from '../../domain/config/compiled-config';
import { validateConfig } from '../../domain/config/validate-config';
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
  const scenarioPath = process.argv[2] ?? DEFAULT_SCENARIO;
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

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
