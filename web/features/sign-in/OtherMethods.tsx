import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import type { CodeSent } from './sign-in.types.ts';

type Method = CodeSent['channel'];

interface OtherMethodsProps {
  current: Method;
  methods: Method[];
  /** The channel a code is being sent to right now. */
  pending?: 'sms' | 'email';
  onChoose: (method: Method) => void;
}

const labels = {
  sms: 'signedOut.secondStep.useSms',
  email: 'signedOut.secondStep.useEmail',
  totp: 'signedOut.secondStep.useTotp',
  passkey: 'signedOut.secondStep.usePasskey',
} as const;

/**
 * The account's other second factors. The server takes the app's code at any step, even after
 * a code was sent; "I didn't get a code" already offers e-mail, so e-mail is not repeated here.
 */
export function OtherMethods({ current, methods, pending, onChoose }: OtherMethodsProps) {
  const { t } = useTranslation();
  const sentCode = current === 'sms' || current === 'email';
  const others = methods.filter((method) => method !== current && !(sentCode && method === 'email'));
  if (others.length === 0) return null;
  return (
    <>
      <h2 className="sign-in__methods-title">{t('signedOut.secondStep.otherMethods')}</h2>
      {others.map((method) => (
        <Button key={method} variant="secondary" busy={pending === method} busyLabel={t('signIn.sendingCode')} onClick={() => onChoose(method)}>
          {t(labels[method])}
        </Button>
      ))}
    </>
  );
}
