import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_IDENTITY } from '../../shared/identity';

export type Role = 'rep' | 'supervisor';

export interface Person {
  readonly id: string;
  readonly role: Role;
  readonly email?: string;
  readonly status?: string;
  readonly enabled?: boolean;
}

const GROUP: Record<Role, string> = { rep: DEFAULT_IDENTITY.repGroup, supervisor: DEFAULT_IDENTITY.supervisorGroup };

/**
 * The people of the stack's user pool, as an administrator manages them (`npm run people`): a person's user name
 * is their rep or supervisor id (the id the contact-center file names), they are in the `reps` or `supervisors`
 * group, and Cognito emails them an invitation with a temporary password and the workspace's address (the pool's
 * invitation message, set by the stack).
 */
export class PeopleDirectory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async add(person: { id: string; role: Role; email: string }): Promise<void> {
    await this.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: person.id,
        UserAttributes: [
          { Name: 'email', Value: person.email },
          // The address an administrator gives is the person's: the invitation goes there, and codes later.
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    await this.cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: person.id,
        GroupName: GROUP[person.role],
      }),
    );
  }

  /** Deleted: their tokens can no longer be refreshed, and their pages sign out within the hour. */
  async remove(id: string): Promise<void> {
    await this.cognito.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: id }));
  }

  async list(): Promise<Person[]> {
    const people: Person[] = [];
    for (const role of ['rep', 'supervisor'] as const) {
      let NextToken: string | undefined;
      do {
        const page = await this.cognito.send(
          new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName: GROUP[role], NextToken }),
        );
        for (const u of page.Users ?? [])
          people.push({
            id: u.Username ?? '',
            role,
            email: u.Attributes?.find((a) => a.Name === 'email')?.Value,
            status: u.UserStatus,
            enabled: u.Enabled,
          });
        NextToken = page.NextToken;
      } while (NextToken);
    }
    return people;
  }
}
