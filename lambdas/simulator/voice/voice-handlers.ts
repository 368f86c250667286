import { localLambdaContext } from '../../adapters/local/lambda-context';
import type { Router } from '../../domain/use-cases/router';
import { makeHandler as makeAgentEvents } from '../../handlers/connect-agent-events';
import { makeHandler as makeContactEvents } from '../../handlers/connect-contact-events';
import { makeHandler as makeHandOff } from '../../handlers/contact-flow-handoff';

const context = localLambdaContext;

/**
 * The deployed handlers the stack wires to Amazon Connect, invoked as Lambda would: the inbound flow's Invoke
 * Lambda block (the hand-off), the contact events EventBridge rule, and the agent event stream's Kinesis mapping
 * (one record per batch, its data base64 JSON as Kinesis carries it).
 */
export function voiceHandlers(router: () => Router | undefined) {
  const ready = () => router() ?? notReady();
  const handOff = makeHandOff(ready);
  const contactEvents = makeContactEvents(ready);
  const agentEvents = makeAgentEvents(ready);
  let sequence = 0;
  return {
    handOff: (e: unknown) => handOff(e as never, context('HandOff')),
    contactEvent: (e: unknown) => contactEvents(e as never, context('ContactEvents')),
    agentEvent: (r: unknown) =>
      agentEvents(
        {
          Records: [
            {
              eventSource: 'aws:kinesis',
              kinesis: {
                data: Buffer.from(JSON.stringify(r)).toString('base64'),
                sequenceNumber: String(++sequence),
                partitionKey: (r as { AgentARN: string }).AgentARN,
              },
            },
          ],
        } as never,
        context('AgentEvents'),
      ),
  };
}

function notReady(): never {
  throw new Error('the router is not ready for Connect events yet');
}
