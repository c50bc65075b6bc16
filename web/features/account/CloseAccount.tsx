import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { forgetCsrfToken } from '../../lib/http.ts';
import { meQueryKey } from '../../lib/queries.ts';
import { accountApi } from './account.api.ts';

/** Closing erases personal data and ends every sign-in; an owner must hand over first (SPEC §3.12). */
export function CloseAccount() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [understood, setUnderstood] = useState(false);
  const close = useMutation({
    mutationFn: accountApi.close,
    onSuccess: () => {
      forgetCsrfToken();
      // Without an account the shell sends the visitor to the sign-in page.
      queryClient.setQueryData(meQueryKey, null);
    },
  });
  return (
    <>
      <p>{t('account.closeIntro')}</p>
      {close.error && <Alert tone="error">{errorText(close.error)}</Alert>}
      <Checkbox label={t('account.closeUnderstood')} checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
      <Button variant="danger" busy={close.isPending} busyLabel={t('account.closing')} disabled={!understood} onClick={() => close.mutate()}>
        {t('account.close')}
      </Button>
    </>
  );
}
