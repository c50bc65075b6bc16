import { lines, type TemplateDefinition } from './template.types.ts';

export const integrationTokenCreated: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: 'Ny integrationsnyckel för ditt konto',
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `En integrationsnyckel med namnet "${v.tokenName}" (${v.scope}) skapades ${v.when}. Den ger åtkomst till ditt konto via API:t.`,
        ``,
        `Var det inte du? Ta bort nyckeln under Säkerhet › Integrationer på ${v.portalUrl}, byt lösenord och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: 'New integration token for your account',
      text: lines(
        `Hello ${v.name},`,
        ``,
        `An integration token named "${v.tokenName}" (${v.scope}) was created ${v.when}. It gives access to your account through the API.`,
        ``,
        `Wasn't this you? Remove the token under Security › Integrations at ${v.portalUrl}, change your password and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
