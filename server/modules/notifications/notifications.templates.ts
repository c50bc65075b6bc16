import type { Channel, Language, RenderedMessage, TemplateName } from './notifications.types.ts';

type Vars = Record<string, string | number>;
type Template = Partial<Record<Channel, (v: Vars) => RenderedMessage>>;

const sv: Record<TemplateName, Template> = {
  login_code: {
    sms: (v) => ({ text: `${v.code} är din kod till Mina sidor. Den gäller i ${v.minutes} minuter. Dela den aldrig med någon.` }),
    email: (v) => ({
      subject: `Din kod till Mina sidor: ${v.code}`,
      text: [
        `Hej ${v.name}!`,
        ``,
        `Din kod för att logga in på Mina sidor är: ${v.code}`,
        `Koden gäller i ${v.minutes} minuter och kan bara användas en gång.`,
        ``,
        `Kod via e-post är ett svagare skydd än kod via SMS. Om du inte fick något SMS kan`,
        `ditt mobilnummer vara fel: logga in med den här koden och ändra numret under Konto.`,
        ``,
        `Har du inte försökt logga in? Byt lösenord genom "Glömt lösenord" och kontakta kundtjänst på ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
  account_locked: {
    email: (v) => ({
      subject: 'Ditt konto på Mina sidor är tillfälligt låst',
      text: [
        `Hej ${v.name}!`,
        ``,
        `Någon har gjort för många misslyckade inloggningsförsök på ditt konto, så det är låst i ${v.minutes} minuter.`,
        `Ditt larm påverkas inte.`,
        ``,
        `Var det inte du? Byt lösenord genom "Glömt lösenord" på ${v.portalUrl} – det fungerar även medan kontot är låst.`,
        `Frågor? Ring kundtjänst på ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
  new_device_sign_in: {
    email: (v) => ({
      subject: 'Ny inloggning på Mina sidor',
      text: [
        `Hej ${v.name}!`,
        ``,
        `Någon loggade in på ditt konto ${v.when} från ${v.device} (IP ${v.ip}).`,
        `Var det du behöver du inte göra något.`,
        ``,
        `Var det inte du? Byt lösenord genom "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
};

const en: Record<TemplateName, Template> = {
  login_code: {
    sms: (v) => ({ text: `${v.code} is your Mina sidor code. It is valid for ${v.minutes} minutes. Never share it with anyone.` }),
    email: (v) => ({
      subject: `Your Mina sidor code: ${v.code}`,
      text: [
        `Hello ${v.name},`,
        ``,
        `Your code to sign in to Mina sidor is: ${v.code}`,
        `The code is valid for ${v.minutes} minutes and can be used once.`,
        ``,
        `A code by e-mail protects you less than a code by SMS. If you did not get a text message,`,
        `your mobile number may be wrong: sign in with this code and change the number under Account.`,
        ``,
        `Did you not try to sign in? Change your password with "Forgot password" and call customer service on ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
  account_locked: {
    email: (v) => ({
      subject: 'Your Mina sidor account is temporarily locked',
      text: [
        `Hello ${v.name},`,
        ``,
        `There were too many failed sign-in attempts on your account, so it is locked for ${v.minutes} minutes.`,
        `Your alarm is not affected.`,
        ``,
        `Was it not you? Change your password with "Forgot password" at ${v.portalUrl} – it works while the account is locked.`,
        `Questions? Call customer service on ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
  new_device_sign_in: {
    email: (v) => ({
      subject: 'New sign-in to Mina sidor',
      text: [
        `Hello ${v.name},`,
        ``,
        `Someone signed in to your account ${v.when} from ${v.device} (IP ${v.ip}).`,
        `If it was you, there is nothing to do.`,
        ``,
        `Was it not you? Change your password with "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ].join('\n'),
    }),
  },
};

const catalogues: Record<Language, Record<TemplateName, Template>> = { sv, en };

export function render(template: TemplateName, channel: Channel, language: Language, vars: Vars): RenderedMessage {
  const build = catalogues[language][template][channel];
  if (!build) throw new Error(`template ${template} has no ${channel} version`);
  return build(vars);
}

/** For tests: every template and channel that exists, in both languages. */
export function templateVariants(): Array<{ template: TemplateName; channel: Channel }> {
  return Object.entries(sv).flatMap(([template, byChannel]) =>
    Object.keys(byChannel).map((channel) => ({ template: template as TemplateName, channel: channel as Channel })),
  );
}
