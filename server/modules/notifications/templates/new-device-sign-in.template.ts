import { lines, type TemplateDefinition } from './template.types.ts';

export const newDeviceSignIn: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ny inloggning på Mina sidor',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Någon loggade in på ditt konto ${v.when} från ${v.device} (IP ${v.ip}).`,
        `Var det du behöver du inte göra något.`,
        ``,
        `Var det inte du? Byt lösenord genom "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'New sign-in to Mina sidor',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Someone signed in to your account ${v.when} from ${v.device} (IP ${v.ip}).`,
        `If it was you, there is nothing to do.`,
        ``,
        `Wasn't this you? Change your password with "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
