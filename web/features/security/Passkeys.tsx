import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { twoFactorOverview } from '../../../contract/account.ts';
import { passkeyAttestation } from '../../../contract/auth.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { ApiError } from '../../lib/http.ts';
import { useFormat } from '../../lib/format.ts';
import { ItemList } from './ItemList.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { securityApi, securityKeys } from './security.api.ts';
import { useRemoveItem } from './use-remove-item.ts';

type Passkey = z.infer<typeof twoFactorOverview>['passkeys'][number];

/** The server's options, the browser's own dialog (fingerprint, PIN …), then the new passkey back to the server. */
async function createPasskey(label: string): Promise<void> {
  const options = await securityApi.passkeyOptions();
  const response = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
  await securityApi.registerPasskey(passkeyAttestation.parse(response), label);
}

const fields = ['label'] as const;

/** The account's passkeys: list, remove, and add one on this device. */
export function Passkeys({ passkeys }: { passkeys: Passkey[] }) {
  const { t } = useTranslation();
  const formatDate = useFormat().dateTime;
  const client = useQueryClient();
  const [label, setLabel] = useState('');
  const supported = browserSupportsWebAuthn();
  const { mutation: remove, listRef, isRemoving } = useRemoveItem(securityApi.removePasskey);
  const add = useMutation({
    mutationFn: createPasskey,
    onMutate: () => remove.reset(),
    onSuccess: () => {
      setLabel('');
      return client.invalidateQueries({ queryKey: securityKeys.all });
    },
  });
  // Anything but an answer from the server means the browser's dialog was closed or refused.
  const errors = useFormErrors(add.error, fields);
  const addError = add.error instanceof ApiError ? errors.message : t('security.twoFactor.passkeyCancelled');

  return (
    <Panel title={t('security.twoFactor.passkeysTitle')}>
      <p>{t('security.twoFactor.passkeysIntro')}</p>
      {add.isSuccess && <Alert tone="success">{t('security.twoFactor.passkeyAdded')}</Alert>}
      {add.isError && addError && <Alert tone="error">{addError}</Alert>}
      <RemovalNotice mutation={remove} done={(name) => t('security.twoFactor.passkeyRemoved', { name })} />
      {passkeys.length === 0 ? (
        <p>{t('security.twoFactor.noPasskeys')}</p>
      ) : (
        <ItemList
          ref={listRef}
          label={t('security.twoFactor.passkeysTitle')}
          items={passkeys.map((passkey) => ({
            id: passkey.id,
            title: passkey.label,
            details: [
              t('security.common.added', { date: formatDate(passkey.createdAt) }),
              passkey.lastUsedAt ? t('security.common.lastUsed', { date: formatDate(passkey.lastUsedAt) }) : t('security.common.neverUsed'),
            ],
            action: (
              <Button
                variant="secondary"
                aria-label={t('security.common.removeNamed', { name: passkey.label })}
                busy={isRemoving(passkey.id)}
                busyLabel={t('security.common.removing')}
                onClick={() => {
                  add.reset();
                  remove.mutate({ id: passkey.id, name: passkey.label });
                }}
              >
                {t('security.common.remove')}
              </Button>
            ),
          }))}
        />
      )}
      {supported ? (
        <div className="add-method">
          <TextField
            label={t('security.twoFactor.passkeyLabel')}
            hint={t('security.twoFactor.passkeyLabelHint')}
            name="passkey-label"
            autoComplete="off"
            maxLength={60}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            {...errors.field('label')}
          />
          <Button busy={add.isPending} busyLabel={t('security.twoFactor.addingPasskey')} onClick={() => add.mutate(label)}>
            {t('security.twoFactor.addPasskey')}
          </Button>
        </div>
      ) : (
        <p className="security-note">{t('security.twoFactor.passkeyUnsupported')}</p>
      )}
    </Panel>
  );
}
