import { jiraConnector } from '#connectors/jira/jiraConnector.ts';
import type { RequestScheduler } from '#connectors/http/requestScheduler.ts';
import { notionConnector } from '#connectors/notion/notionConnector.ts';
import type { Config } from '#config/schema.ts';
import type { Secrets } from '#config/secretsFromEnv.ts';
import { ruleFields, type Mappings } from '#core/mappings.ts';
import type { SyncPorts } from '#engine/runSync.ts';
import type { LabelWriter } from '#engine/ports.ts';
import type { Logger } from '#log/createLogger.ts';
import { SecretScrubber } from '#log/secrets.ts';

/** The engine's ports, plus what only the CLI uses: Jira label writes, and the schedulers' stats and deadline. */
export type Wiring = Required<Pick<SyncPorts, 'charts'>> &
  SyncPorts & {
    labels: LabelWriter;
    schedulers: { jira: RequestScheduler; notion: RequestScheduler };
  };

/** The imperative shell: each connector builds its own ports from its config section; this only composes them. */
export function wire(config: Config, secrets: Secrets, options: { logger: Logger; onSchemaMismatch?: 'throw' | 'warn'; mappings?: Mappings }): Wiring {
  const jira = jiraConnector(config.jira, { email: secrets.jiraEmail, token: secrets.jiraToken }, {
    ruleFields: options.mappings ? ruleFields(options.mappings) : [],
    onSchemaMismatch: options.onSchemaMismatch,
  });
  // Built from the secrets themselves, so no command can wire a Notion client that skips it.
  const scrubber = new SecretScrubber().addCredentials(secrets);
  const { scheduler: notionScheduler, ...notion } = notionConnector(config.notion, secrets.notionToken, {
    logger: options.logger,
    scrub: scrubber.scrub.bind(scrubber),
  });
  return { ...notion, jira: jira.epics, history: jira.history, labels: jira.labels, schedulers: { jira: jira.scheduler, notion: notionScheduler } };
}
