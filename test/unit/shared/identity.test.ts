import fc from 'fast-check';
import { admit, assertHolds, type Principal } from '../../../lambdas/domain/access/principal';
import { ForbiddenError, UnauthenticatedError } from '../../../lambdas/domain/errors';
import {
  DEFAULT_IDENTITY,
  groupsOf,
  identityFromEnvironment,
  principalFromClaims,
  principalOf,
} from '../../../lambdas/shared/identity';

describe('identity: from verified claims to a principal', () => {
  it('reads groups as verifiers give them and as the HTTP API JWT authorizer flattens them', () => {
    expect(groupsOf(['reps', 'supervisors'])).toEqual(['reps', 'supervisors']);
    expect(groupsOf('[reps supervisors]')).toEqual(['reps', 'supervisors']);
    expect(groupsOf('reps,supervisors')).toEqual(['reps', 'supervisors']);
    expect(groupsOf('reps')).toEqual(['reps']);
    expect(groupsOf(undefined)).toEqual([]);
    expect(groupsOf(7)).toEqual([]);
  });

  it('makes a rep only of a member of the reps group whose token names a rep id', () => {
    const claims = { sub: 's1', username: 'rep-a', 'cognito:groups': '[reps]' };
    expect(principalFromClaims(claims, DEFAULT_IDENTITY)).toEqual({
      kind: 'person',
      subject: 's1',
      repId: 'rep-a',
      supervisor: false,
    });
    expect(principalFromClaims({ ...claims, 'cognito:groups': '[contractors]' }, DEFAULT_IDENTITY)).toEqual({
      kind: 'person',
      subject: 's1',
      supervisor: false,
    });
    // ID tokens name the user in cognito:username.
    const id = { sub: 's2', 'cognito:username': 'rep-b', 'cognito:groups': ['reps', 'supervisors'] };
    expect(principalFromClaims(id, DEFAULT_IDENTITY)).toMatchObject({ repId: 'rep-b', supervisor: true });
  });

  it('follows the configured claims for another issuer (Okta groups, a custom rep id claim)', () => {
    const okta = identityFromEnvironment({ REP_ID_CLAIM: 'rep_id', GROUPS_CLAIM: 'groups', REP_GROUP: 'UR Reps' });
    expect(okta).toMatchObject({ repIdClaims: ['rep_id'], groupsClaim: 'groups', supervisorGroup: 'supervisors' });
    expect(principalFromClaims({ sub: 'u', rep_id: 'rep-9', groups: ['UR Reps'] }, okta)).toMatchObject({
      repId: 'rep-9',
    });
  });

  it('takes machines from an IAM signature and nobody from an empty context', () => {
    expect(principalOf({ iam: { accountId: '1' } }, DEFAULT_IDENTITY)).toEqual({ kind: 'machine' });
    expect(principalOf(undefined, DEFAULT_IDENTITY)).toEqual({ kind: 'anonymous' });
  });
});

const principal = fc.oneof(
  fc.constant<Principal>({ kind: 'machine' }),
  fc.constant<Principal>({ kind: 'anonymous' }),
  fc.record({
    kind: fc.constant('person' as const),
    subject: fc.string(),
    repId: fc.option(fc.constantFrom('rep-a', 'rep-b', 'rep-c'), { nil: undefined }),
    supervisor: fc.boolean(),
  }),
);
const outcome = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    if (e instanceof UnauthenticatedError) return 'unauthenticated';
    if (e instanceof ForbiddenError) return 'forbidden';
    throw e;
  }
};

describe('access: a person acts only as themselves, supervisors by group, integrations by IAM', () => {
  it('admits a rep route only for the signed-in rep it names (or, named by none, any signed-in rep)', () => {
    fc.assert(
      fc.property(principal, fc.option(fc.constantFrom('rep-a', 'rep-b'), { nil: undefined }), (who, named) => {
        const expected =
          who.kind === 'anonymous'
            ? 'unauthenticated'
            : who.kind === 'person' && who.repId !== undefined && (named === undefined || named === who.repId)
              ? 'allowed'
              : 'forbidden';
        expect(outcome(() => admit(who, 'rep', named))).toBe(expected);
      }),
    );
  });

  it('admits supervisor routes only for the supervisors group, and integration routes only for IAM', () => {
    fc.assert(
      fc.property(principal, (who) => {
        const supervisor = who.kind === 'person' && who.supervisor;
        expect(outcome(() => admit(who, 'supervisor'))).toBe(
          who.kind === 'anonymous' ? 'unauthenticated' : supervisor ? 'allowed' : 'forbidden',
        );
        expect(outcome(() => admit(who, 'machine'))).toBe(who.kind === 'machine' ? 'allowed' : 'forbidden');
      }),
    );
  });

  it('lets a rep act on an item only while it is offered to or held by them', () => {
    expect(outcome(() => assertHolds('rep-a', 'rep-a', 'w1'))).toBe('allowed');
    expect(outcome(() => assertHolds('rep-a', 'rep-b', 'w1'))).toBe('forbidden');
    expect(outcome(() => assertHolds('rep-a', undefined, 'w1'))).toBe('forbidden');
  });
});
