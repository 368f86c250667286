import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import type { RepState } from '../../lambdas/domain/routing/rep';
import type { WorkItem } from '../../lambdas/domain/routing/work-item';
import { smallCenter } from '../fixtures/small-center';
import { T0 } from './harness-time';

export function compiled(input: unknown = smallCenter()): CompiledConfig {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return new CompiledConfig(result.config);
}

export function aWorkItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    id: 'w1',
    channel: 'chat',
    source: 's1',
    queueId: 'chat-q',
    target: { kind: 'queue' },
    interruptible: false,
    requestedAt: T0,
    targetSince: T0,
    attributes: {},
    state: 'Queued',
    version: 1,
    exclusions: [],
    relaxedSkills: [],
    offers: 0,
    ...overrides,
  };
}

export function aRep(overrides: Partial<RepState> = {}): RepState {
  return {
    repId: 'rep-a',
    groupId: 'g1',
    sessionId: 'session-1',
    loggedInAt: T0,
    statusId: 'available',
    statusChannels: ['voice', 'chat', 'case'],
    used: { primary: 0, interruptible: 0 },
    activeItems: 0,
    lastOfferAt: 0,
    presenceVersion: 1,
    ...overrides,
  };
}
