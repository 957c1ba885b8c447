import type { WebClient } from '@slack/web-api';
import type { Core } from '../../../core.js';
import type { AnswerPipeline, Presented } from '../../../framework/answer-pipeline.js';
import type { Invocation } from '../../../framework/define.js';
import type { Reply } from '../../../framework/reply.js';
import type { Lang } from '../../../i18n/lang.js';
import type { Logger } from '../../../log.js';
import type { SlackMessage } from '../render.js';

/** What every Slack listener gets from the adapter: typed, built once in createSlackAdapter. */
export interface SlackListenerDeps {
  core: Core;
  pipeline: AnswerPipeline;
  log: Logger;
  /** The channel's language setting ("auto" reads the user's Slack locale). */
  langFor(channel: string, user: string, team: string, client: WebClient): Promise<Lang>;
  invocation(user: string, channel: string, team: string, lang: Lang, client: WebClient, enterprise?: string | null): Invocation;
  /** A presented answer as a Slack message (charts uploaded or linked, controls added). */
  message(p: Presented, client: WebClient): Promise<SlackMessage & { response_type: 'ephemeral' | 'in_channel' }>;
  /** An error reply (refused click, apology) as a private Slack message. */
  errorMessage(reply: Reply, lang: Lang): SlackMessage & { response_type: 'ephemeral' };
  /** Files a reply carries (a table as CSV), uploaded to the channel. */
  attach(reply: Reply, channel: string, client: WebClient): Promise<void>;
  /** The answer's charts are uploaded (slow: drawn, then sent): acknowledge Slack before building it. */
  uploadsCharts(p: Presented): boolean;
  /** Slack refused the token while answering: the process is not ready. */
  tokenRefused(err: unknown): void;
}
