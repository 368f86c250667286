import { CompiledConfig, ordersRead } from '../../../lambdas/domain/config/compiled-config';
import type { ContactCenterJson } from '../../../lambdas/domain/config/schema';
import { validateConfig } from '../../../lambdas/domain/config/validate-config';
import { smallCenter } from '../../fixtures/small-center';

const valid = (input: ContactCenterJson) => {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
};

/** The small center with every queue routed by `model`, and interruptible work on or off. */
const center = (model: 'MostAvailable' | 'LeastActive', interruptible: boolean) => {
  const c = smallCenter({ interruptibleCapacityEnabled: interruptible });
  return valid({
    ...c,
    channels: c.channels!.map((ch) => ({ ...ch, interruptible: interruptible && ch.name === 'case' })),
    queues: c.queues!.map((q) => ({ ...q, routingModel: model })),
  });
};

describe('the availability orders a configuration reads (semantics §13)', () => {
  it.each([
    ['MostAvailable', false, ['free']],
    ['MostAvailable', true, ['free', 'interruptibleFree']],
    ['LeastActive', false, ['free', 'active']],
    ['LeastActive', true, ['free', 'interruptibleFree', 'active']],
  ] as const)('%s queues, interruptible work %s: %j', (model, interruptible, orders) => {
    expect(ordersRead(center(model, interruptible))).toEqual(orders);
    expect(new CompiledConfig(center(model, interruptible)).availabilityOrders).toEqual(orders);
  });

  it('keeps, besides, the orders a change under way keeps, in the one order writers use', () => {
    const stored = { ...center('MostAvailable', false), keptOrders: ['active', 'interruptibleFree'] as const };
    expect(new CompiledConfig(stored).availabilityOrders).toEqual(['free', 'interruptibleFree', 'active']);
  });

  it('is never set by a configuration file: the schema refuses the field', () => {
    const result = validateConfig({ ...smallCenter(), keptOrders: ['active'] });
    expect(result.ok).toBe(false);
  });
});
