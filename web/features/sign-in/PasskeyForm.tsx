import { browserSupportsWebAuthn, startAuthentication, WebAuthnError, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FailureNotice } from './FailureNotice.tsx';
import { signInApi } from './sign-in.api.ts';
import { endsSignIn } from './sign-in.rules.ts';
import { TrustDeviceCheckbox } from './TrustDeviceCheckbox.tsx';

interface PasskeyFormProps {
  flowId: string;
  onSignedIn: () => Promise<unknown>;
  onRestart: (error: unknown) => void;
}

/**
 * The passkey step: the browser asks for the passkey only when the button is pressed, since
 * some browsers refuse WebAuthn without a user gesture.
 */
export function PasskeyForm({ flowId, onSignedIn, onRestart }: PasskeyFormProps) {
  const { t } = useTranslation();
  const [trustDevice, setTrustDevice] = useState(false);
  const supported = browserSupportsWebAuthn();
  const signIn = useMutation({
    mutationFn: async () => {
      // The server builds the options with the same WebAuthn library; the contract only says "an object".
      const optionsJSON = (await signInApi.passkeyOptions(flowId)) as unknown as PublicKeyCredentialRequestOptionsJSON;
      const response = await startAuthentication({ optionsJSON });
      return signInApi.verifyPasskey({ flowId, response, trustDevice });
    },
    onSuccess: onSignedIn,
    onError: (error) => endsSignIn(error) && onRestart(error),
  });

  if (!supported) return <Alert tone="info">{t('signedOut.secondStep.passkeyUnsupported')}</Alert>;
  // Cancelling the browser's dialog is not a failure worth a red alert.
  const cancelled = signIn.error instanceof WebAuthnError || (signIn.error instanceof Error && signIn.error.name === 'NotAllowedError');
  return (
    <>
      {signIn.error && (cancelled ? <Alert tone="info">{t('signedOut.secondStep.passkeyCancelled')}</Alert> : <FailureNotice error={signIn.error} />)}
      <TrustDeviceCheckbox checked={trustDevice} onChange={setTrustDevice} />
      <Button busy={signIn.isPending} busyLabel={t('signedOut.secondStep.passkeyWaiting')} onClick={() => signIn.mutate()}>
        {t('signedOut.secondStep.passkeyButton')}
      </Button>
    </>
  );
}
