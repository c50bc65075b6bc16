import { lines, type TemplateDefinition } from './template.types.ts';

export const registrationExists: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Du har redan ett konto på Mina sidor',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Någon försökte skapa ett nytt konto med den här e-postadressen, men du har redan ett.`,
        `Logga in på ${v.portalUrl}. Har du glömt lösenordet? Välj "Glömt lösenord".`,
        ``,
        `Var det inte du behöver du inte göra något.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'You already have a Mina sidor account',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Someone tried to create a new account with this e-mail address, but you already have one.`,
        `Sign in at ${v.portalUrl}. Forgot your password? Choose "Forgot password".`,
        ``,
        `If it was not you, there is nothing to do.`,
      ),
    }),
  },
};
