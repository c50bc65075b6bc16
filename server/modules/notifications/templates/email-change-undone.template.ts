import { lines, type TemplateDefinition } from './template.types.ts';

export const emailChangeUndone: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Din e-postadress på Mina sidor är återställd',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Ändringen av din e-postadress har ångrats och alla enheter har loggats ut.`,
        `Välj ett nytt lösenord genom "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone} om du tror att någon annan kommit åt ditt konto.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Your Mina sidor e-mail address is restored',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `The change of your e-mail address was undone and every device was signed out.`,
        `Choose a new password with "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone} if you think someone else got into your account.`,
      ),
    }),
  },
};
