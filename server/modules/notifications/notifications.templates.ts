import { formatDateTime } from '../../../contract/format/date-time.ts';
import { formatPhone } from '../../../contract/format/phone.ts';
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

/** Moments and the support number as the web shows them, in the message's language. */
function shown(vars: Vars, language: Language): Vars {
  const when = vars.when === undefined ? NaN : new Date(vars.when).getTime();
  return {
    ...vars,
    ...(Number.isNaN(when) ? {} : { when: formatDateTime(new Date(when), language) }),
    ...(vars.supportPhone === undefined ? {} : { supportPhone: formatPhone(String(vars.supportPhone)) }),
  };
}

export function render(template: TemplateName, channel: Channel, language: Language, vars: Vars): RenderedMessage {
  const message = builder(template, channel, language)(shown(vars, language));
  return channel === 'email' ? { ...message, html: textToHtml(message.text, message.subject ?? '', language) } : message;
}

/** For tests: every template and channel that exists (in Swedish; a test checks English matches). */
export function templateVariants(): Array<{ template: TemplateName; channel: Channel }> {
  return Object.entries(templates).flatMap(([template, def]) => Object.keys(def.sv).map((channel) => ({ template: template as TemplateName, channel: channel as Channel })));
}
