import type { CustomFieldOption, UserDetails } from 'jira.js/cloud';
import type { JiraCustomField, JiraPerson, JiraSite } from './model.ts';

interface Where {
  host: string;
  flavour: 'cloud' | 'datacenter';
  api: string;
}

/** An option as an issue carries it: CustomFieldOption plus the id (real sites send it; jira.js's schema is loose). */
type IssueOption = CustomFieldOption & { id: string };

/** A Data Center user: a username (`name`) and a `key`, no account id. jira.js has no type for it. */
interface DataCenterUser {
  self: string;
  name: string;
  key: string;
  emailAddress: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  avatarUrls: Record<'16x16' | '24x24' | '32x32' | '48x48', string>;
}

const TIME_ZONE = 'Europe/Berlin';

function avatars(where: Where, owner: string): DataCenterUser['avatarUrls'] {
  const url = (size: string) => `${where.host}/secure/useravatar?size=${size}&ownerId=${encodeURIComponent(owner)}`;
  return { '16x16': url('xsmall'), '24x24': url('small'), '32x32': url('medium'), '48x48': url('large') };
}

/** Cloud users have an account id and no username (privacy, 2019); Data Center users have a username and a key. */
function user(person: JiraPerson, index: number, where: Where): UserDetails | DataCenterUser {
  if (where.flavour === 'datacenter') {
    return {
      self: `${where.host}/rest/api/2/user?username=${encodeURIComponent(person.username)}`,
      name: person.username,
      key: `JIRAUSER${10100 + index}`,
      emailAddress: person.email,
      displayName: person.displayName,
      active: true,
      timeZone: TIME_ZONE,
      avatarUrls: avatars(where, person.username),
    };
  }
  return {
    self: `${where.host}/rest/api/3/user?accountId=${person.accountId}`,
    accountId: person.accountId,
    accountType: 'atlassian',
    emailAddress: person.email,
    avatarUrls: avatars(where, person.accountId),
    displayName: person.displayName,
    active: true,
    timeZone: TIME_ZONE,
  };
}

/** A stable option id per field and value, as a site's option ids are. */
function optionId(field: string, value: string): string {
  let hash = 0;
  for (const c of `${field}:${value}`) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  return String(10000 + (hash % 90000));
}

function option(field: string, value: string, where: Where, under = ''): IssueOption {
  const id = optionId(field, `${under}/${value}`);
  return { self: `${where.host}/rest/api/${where.api}/customFieldOption/${id}`, value, id };
}

/** A custom field's value as a Jira search returns it; null when the issue has none, as Jira sends empty fields. */
export function customValue(field: JiraCustomField, values: readonly string[], site: JiraSite, where: Where): unknown {
  if (values.length === 0) return null;
  const users = () =>
    values.flatMap((accountId) => {
      const index = site.people.findIndex((p) => p.accountId === accountId);
      return index < 0 ? [] : [user(site.people[index]!, index, where)];
    });
  switch (field.kind) {
    case 'userpicker':
      return users()[0] ?? null;
    case 'multiuserpicker':
      return users();
    case 'select':
      return option(field.id, values[0]!, where);
    case 'multiselect':
      return values.map((value) => option(field.id, value, where));
    case 'cascadingselect': {
      const [parent, child] = values;
      return { ...option(field.id, parent!, where), ...(child ? { child: option(field.id, child, where, parent) } : {}) };
    }
  }
}
