import type { Config } from './schema.ts';
import { ConfigError } from '#core/errors.ts';

export interface Secrets {
  jiraEmail: string;
  jiraToken: string;
  notionToken: string;
}

/**
 * The variables the config names by default (schema.ts), readable before the
 * config is: a config error can then never print their values.
 */
export const DEFAULT_SECRET_ENV: Readonly<Record<keyof Secrets, string>> = { jiraEmail: 'JIRA_EMAIL', jiraToken: 'JIRA_API_TOKEN', notionToken: 'NOTION_TOKEN' };

/** The values of the default variables, as far as they are set. */
export function defaultSecretsInEnv(env: NodeJS.ProcessEnv): Partial<Secrets> {
  return Object.fromEntries(Object.entries(DEFAULT_SECRET_ENV).map(([key, name]) => [key, env[name]?.trim()]));
}

/** Tokens come only from the environment, under the names the config chose; a missing one names the variable to set. */
export function secretsFromEnv(config: Config, env: NodeJS.ProcessEnv, needs: { jira: boolean } = { jira: true }): Secrets {
  const need = (name: string, what: string, required = true): string => {
    const value = env[name]?.trim();
    if (!value && required) problems.push(`${name} is not set: export ${name} with ${what}.`);
    return value ?? '';
  };
  const problems: string[] = [];
  const secrets = {
    // Data Center authenticates with a personal access token alone.
    jiraEmail: need(config.jira.emailEnv, `the email of the Jira account at ${config.jira.host}`, needs.jira && config.jira.deployment === 'cloud'),
    jiraToken: need(
      config.jira.tokenEnv,
      config.jira.deployment === 'cloud'
        ? 'a Jira API token (https://id.atlassian.com/manage-profile/security/api-tokens)'
        : 'a Jira personal access token (your profile → Personal Access Tokens)',
      needs.jira,
    ),
    notionToken: need(config.notion.tokenEnv, "your Notion integration's secret (https://www.notion.so/profile/integrations)"),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return secrets;
}
