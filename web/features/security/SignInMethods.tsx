import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { twoFactorOverview } from '../../../contract/account.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { securityApi, securityKeys } from './security.api.ts';

type Overview = z.infer<typeof twoFactorOverview>;
type Preferred = Overview['preferred'];

/** The methods a sign-in may use, which one it asks for first, and switching 2FA off where allowed. */
export function SignInMethods({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useQueryClient();
  const hintId = useId();
  // The saved choice until the user picks another one.
  const [picked, setPicked] = useState<Preferred>();
  const preferred = picked ?? overview.preferred;
  // A code by SMS is always a choice; an app or passkey once the account has one.
  const choices = (['sms', 'totp', 'passkey'] as const).filter((method) => method === 'sms' || overview.methods.includes(method));
  const update = useMutation({
    mutationFn: securityApi.updateTwoFactor,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: securityKeys.all });
      setPicked(undefined);
    },
  });

  const savePreferred = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ preferred });
  };
  const savedPreferred = update.isSuccess && update.variables.preferred !== undefined;

  return (
    <Panel title={t('security.twoFactor.methodsTitle')}>
      {!overview.enabled && <Alert tone="info">{t('security.twoFactor.off')}</Alert>}
      {update.isError && <Alert tone="error">{errorText(update.error)}</Alert>}
      {savedPreferred && <Alert tone="success">{t('security.twoFactor.preferredSaved')}</Alert>}
      <ul className="method-list">
        {overview.methods.map((method) => (
          <li key={method}>{t(`security.twoFactor.method.${method}`)}</li>
        ))}
      </ul>
      {overview.enabled && choices.length > 1 && (
        <form className="security-form" onSubmit={savePreferred} noValidate>
          <fieldset className="choice-group" aria-describedby={hintId}>
            <legend className="field__label">{t('security.twoFactor.preferredLegend')}</legend>
            <p className="field__hint" id={hintId}>
              {t('security.twoFactor.preferredHint')}
            </p>
            {choices.map((method) => (
              <label className="choice" key={method}>
                <input type="radio" name="preferred" value={method} checked={preferred === method} onChange={() => setPicked(method)} />
                <span className="choice__label">{t(`security.twoFactor.preferred.${method}`)}</span>
              </label>
            ))}
          </fieldset>
          <Button type="submit" busy={update.isPending && update.variables.preferred !== undefined} busyLabel={t('security.twoFactor.savingPreferred')}>
            {t('security.twoFactor.savePreferred')}
          </Button>
        </form>
      )}
      {(overview.optOutAllowed || !overview.enabled) && (
        <div className="security-actions">
          <Button
            variant="secondary"
            busy={update.isPending && update.variables.enabled !== undefined}
            busyLabel={t(overview.enabled ? 'security.twoFactor.turningOff' : 'security.twoFactor.turningOn')}
            onClick={() => update.mutate({ enabled: !overview.enabled })}
          >
            {t(overview.enabled ? 'security.twoFactor.turnOff' : 'security.twoFactor.turnOn')}
          </Button>
        </div>
      )}
    </Panel>
  );
}
