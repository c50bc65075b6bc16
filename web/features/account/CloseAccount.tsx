import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { forgetCsrfToken } from '../../lib/http.ts';
import { accountApi } from './account.api.ts';
import type { AccountClosedState } from './AccountClosedPage.tsx';

/**
 * Closing erases personal data and ends every sign-in; an owner must hand over first (SPEC §3.12).
 * The server says beforehand whether closing would be refused, so the reason shows before the button.
 */
export function CloseAccount() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [understood, setUnderstood] = useState(false);
  const check = useQuery({ queryKey: ['account', 'closure-check'], queryFn: accountApi.closureCheck });
  const close = useMutation({
    mutationFn: accountApi.close,
    onSuccess: () => {
      forgetCsrfToken();
      const state: AccountClosedState = { closed: true };
      void navigate('/account-closed', { replace: true, state });
    },
  });
  if (check.isPending) return <LoadingState label={t('account.closeChecking')} />;
  const refusal = check.data?.reason;
  return (
    <>
      <p>{t('account.closeIntro')}</p>
      {refusal && <Alert tone="info">{t(`errors.${refusal}`)}</Alert>}
      {check.error && <Alert tone="error">{errorText(check.error)}</Alert>}
      {close.error && <Alert tone="error">{errorText(close.error)}</Alert>}
      {!refusal && (
        <>
          <Checkbox label={t('account.closeUnderstood')} checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
          <Button variant="danger" busy={close.isPending} busyLabel={t('account.closing')} disabled={!understood} onClick={() => close.mutate()}>
            {t('account.close')}
          </Button>
        </>
      )}
    </>
  );
}
