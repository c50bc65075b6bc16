import type { Channel, Language, RenderedMessage } from '../notifications.types.ts';

export type Vars = Record<string, string | number>;
/** One message in both languages, for the channels it is sent on. */
export type TemplateDefinition = Record<Language, Partial<Record<Channel, (v: Vars) => RenderedMessage>>>;

export const lines = (...parts: string[]) => parts.join('\n');
