export type Channel = 'sms' | 'email';
export type Language = 'sv' | 'en';

export interface RenderedMessage {
  subject?: string;
  text: string;
}

/** A message to queue; it is rendered and sealed at once so the worker needs no templates state. */
export interface OutgoingMessage {
  channel: Channel;
  to: string;
  language: Language;
  template: TemplateName;
  vars: Record<string, string | number>;
  accountId?: string | null;
}

export type { TemplateName } from './templates/index.ts';
import type { TemplateName } from './templates/index.ts';
