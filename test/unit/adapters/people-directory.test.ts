import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { PeopleDirectory } from '../../../lambdas/adapters/cognito/people-directory';
import { parsePeopleArgs } from '../../../scripts/people';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-west-2_AbCdEfGhI';
beforeEach(() => cognito.reset());

describe('npm run people: reps and supervisors in the user pool', () => {
  const people = () => new PeopleDirectory(new CognitoIdentityProviderClient({}), POOL);

  it('adds a rep by their rep id with an emailed invitation, then into the reps group', async () => {
    await people().add({ id: 'rep-07', role: 'rep', email: 'ada@example.com' });
    expect(cognito).toHaveReceivedNthCommandWith(1, AdminCreateUserCommand, {
      UserPoolId: POOL,
      Username: 'rep-07',
      UserAttributes: [
        { Name: 'email', Value: 'ada@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito).toHaveReceivedNthCommandWith(2, AdminAddUserToGroupCommand, {
      UserPoolId: POOL,
      Username: 'rep-07',
      GroupName: 'reps',
    });
  });

  it('lists both groups, every page, with status and email; removes by id', async () => {
    // ListUsersInGroup's documented output (UserType: Username, Attributes, UserStatus, Enabled).
    cognito
      .on(ListUsersInGroupCommand, { GroupName: 'reps' })
      .resolvesOnce({
        Users: [{ Username: 'rep-07', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true }],
        NextToken: 't',
      })
      .resolvesOnce({
        Users: [{ Username: 'rep-08', Attributes: [{ Name: 'email', Value: 'b@example.com' }], Enabled: true }],
      })
      .on(ListUsersInGroupCommand, { GroupName: 'supervisors' })
      .resolves({ Users: [{ Username: 'sup-1', UserStatus: 'CONFIRMED', Enabled: false }] });
    expect((await people().list()).map((p) => [p.id, p.role, p.email, p.status, p.enabled])).toEqual([
      ['rep-07', 'rep', undefined, 'FORCE_CHANGE_PASSWORD', true],
      ['rep-08', 'rep', 'b@example.com', undefined, true],
      ['sup-1', 'supervisor', undefined, 'CONFIRMED', false],
    ]);
    await people().remove('rep-08');
    expect(cognito).toHaveReceivedCommandWith(AdminDeleteUserCommand, { UserPoolId: POOL, Username: 'rep-08' });
  });

  it('reads its arguments, naming what is missing', () => {
    expect(parsePeopleArgs(['add', 'sup-2', '--email', 's@example.com', '--supervisor', '--pool', POOL])).toEqual({
      command: 'add',
      pool: POOL,
      id: 'sup-2',
      email: 's@example.com',
      role: 'supervisor',
    });
    expect(() => parsePeopleArgs(['add', 'rep-1', '--pool', POOL])).toThrow(/--email/);
    expect(() => parsePeopleArgs(['list'])).toThrow(/--pool/);
    expect(() => parsePeopleArgs(['rename', 'x', '--pool', POOL])).toThrow(/add, remove or list/);
  });
});
