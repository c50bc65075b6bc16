import { textToHtml } from './html.rules.ts';
import type { Channel, Language, RenderedMessage } from './notifications.types.ts';
import { templates, type TemplateName } from './templates/index.ts';
import type { Vars } from './templates/template.types.ts';

function builder(template: TemplateName, channel: Channel, language: Language) {
  const build = templates[template]?.[language]?.[channel];
  if (!build) throw new Error(`template ${template} has no ${channel} version in ${language}`);
  return build;
}

/** Throws unless `template` has a version for `channel` in `language`: a message is checked as it is queued and rendered as it is sent. */
export function checkTemplate(template: TemplateName, channel: Channel, language: Language): void {
  builder(template, channel, language);
}

export function render(template: TemplateName, channel: Channel, language: Language, vars: Vars): RenderedMessage {
  const message = builder(template, channel, language)(vars);
  return channel === 'email' ? { ...message, html: textToHtml(message.text, message.subject ?? '', language) } : message;
}

/** For tests: every template and channel that exists (in Swedish; a test checks English matches). */
export function templateVariants(): Array<{ template: TemplateName; channel: Channel }> {
  return Object.entries(templates).flatMap(([template, def]) =>
    Object.keys(def.sv).map((channel) => ({ template: template as TemplateName, channel: channel as Channel })),
  );
}
