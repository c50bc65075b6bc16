export type Channel = 'sms' | 'email';
export type Language = 'sv' | 'en';

export interface RenderedMessage {
  subject?: string;
  text: string;
  /** E-mail only: the same words as `text`, as accessible HTML. */
  html?: string;
}

/** A message to queue: its variables are sealed at once, and the worker renders it as it sends. */
export interface OutgoingMessage {
  channel: Channel;
  to: string;
  language: Language;
  template: TemplateName;
  vars: Record<string, string | number>;
  accountId?: string | null;
  installationId?: string | null;
  /** Lets the sender hear what became of the message (see Notifications.onFallback), e.g. "login:<flow>:<n>". */
  reference?: string;
  /**
   * For one-time codes by SMS: the e-mail address that gets the same message, at once, if the
   * SMS fails or times out; a code expires before any retry schedule would help.
   */
  fallbackEmail?: string;
}

export type { TemplateName } from './templates/index.ts';
import type { TemplateName } from './templates/index.ts';
