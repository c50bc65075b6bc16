import { lines, type TemplateDefinition } from './template.types.ts';

const which = {
  sv: { customer: 'ert kodord', company: 'företagets kodord', both: 'båda kodorden' },
  en: { customer: "the customer's code word", company: "the company's code word", both: 'both code words' },
} as const;
const pick = (language: 'sv' | 'en', key: string | number | undefined) => which[language][String(key) as keyof (typeof which)['sv']] ?? which[language].both;

/** To the system owner (SPEC §3.14, §5.1); never contains a word. */
export const codeWordsChanged: TemplateDefinition = {
  sv: {
    email: (v) => ({
      subject: `Kodord ändrat för ${v.alias}`,
      text: lines(
        `Hej ${v.name}!`,
        ``,
        `${v.byName} ändrade ${pick('sv', v.which)} för larmsystemet ${v.alias}.`,
        `Larmcentralen använder det nya kodordet från och med nu.`,
        ``,
        `Känner du inte igen ändringen? Logga in på ${v.portalUrl}, byt kodord under Systeminställningar › Kodord och ring kundtjänst på ${v.supportPhone}.`,
      ),
    }),
  },
  en: {
    email: (v) => ({
      subject: `Code word changed for ${v.alias}`,
      text: lines(
        `Hello ${v.name},`,
        ``,
        `${v.byName} changed ${pick('en', v.which)} for the alarm system ${v.alias}.`,
        `The alarm centre uses the new code word from now on.`,
        ``,
        `Don't recognise this change? Sign in at ${v.portalUrl}, change the code word under System settings › Code words and call customer service on ${v.supportPhone}.`,
      ),
    }),
  },
};
