import { lines, type TemplateDefinition } from './template.types.ts';

export const twoFactorDisabled: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Tvåstegsverifiering är avstängd för ditt konto',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `Tvåstegsverifieringen för ditt konto på Mina sidor stängdes av ${v.when}. Nu räcker lösenordet för att logga in.`,
        `Vi rekommenderar att du slår på den igen under Säkerhet › Tvåstegsverifiering.`,
        ``,
        `Var det inte du? Välj "Glömt lösenord" på ${v.portalUrl} och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'Two-step verification is switched off for your account',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `Two-step verification for your Mina sidor account was switched off ${v.when}. The password alone now signs you in.`,
        `We recommend switching it on again under Security › Two-step verification.`,
        ``,
        `Wasn't this you? Choose "Forgot password" at ${v.portalUrl} and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
