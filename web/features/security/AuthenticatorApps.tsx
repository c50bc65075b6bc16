import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { twoFactorOverview } from '../../../contract/account.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { useFormat } from '../../lib/format.ts';
import { ItemList } from './ItemList.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { securityApi } from './security.api.ts';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import { useRemoveItem } from './use-remove-item.ts';

type App = z.infer<typeof twoFactorOverview>['authenticatorApps'][number];

const fields = ['label'] as const;

/** The connected authenticator apps: list, remove, and connect a new one. */
export function AuthenticatorApps({ apps }: { apps: App[] }) {
  const { t } = useTranslation();
  const formatDate = useFormat().dateTime;
  const [label, setLabel] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const { mutation: remove, listRef, isRemoving } = useRemoveItem(securityApi.removeTotp);
  const start = useMutation({
    mutationFn: securityApi.startTotp,
    onMutate: () => {
      setConfirmed(false);
      remove.reset();
    },
  });
  const errors = useFormErrors(start.error, fields);

  return (
    <Panel title={t('security.twoFactor.appsTitle')}>
      <p>{t('security.twoFactor.appsIntro')}</p>
      {confirmed && <Alert tone="success">{t('security.twoFactor.appAdded')}</Alert>}
      <RemovalNotice mutation={remove} done={(name) => t('security.twoFactor.appRemoved', { name })} />
      {apps.length === 0 ? (
        <p>{t('security.twoFactor.noApps')}</p>
      ) : (
        <ItemList
          ref={listRef}
          label={t('security.twoFactor.appsTitle')}
          items={apps.map((app) => ({
            id: app.id,
            title: app.label,
            details: [
              t('security.common.added', { date: formatDate(app.createdAt) }),
              app.lastUsedAt ? t('security.common.lastUsed', { date: formatDate(app.lastUsedAt) }) : t('security.common.neverUsed'),
            ],
            action: (
              <Button
                variant="secondary"
                aria-label={t('security.common.removeNamed', { name: app.label })}
                busy={isRemoving(app.id)}
                busyLabel={t('security.common.removing')}
                onClick={() => {
                  setConfirmed(false);
                  remove.mutate({ id: app.id, name: app.label });
                }}
              >
                {t('security.common.remove')}
              </Button>
            ),
          }))}
        />
      )}
      {start.isSuccess ? (
        <TotpEnrolment
          enrolment={start.data}
          onConfirmed={() => {
            setConfirmed(true);
            setLabel('');
            start.reset();
          }}
          onCancel={() => start.reset()}
        />
      ) : (
        <div className="add-method">
          {errors.message && <Alert tone="error">{errors.message}</Alert>}
          <TextField
            label={t('security.twoFactor.appLabel')}
            hint={t('security.twoFactor.appLabelHint')}
            name="app-label"
            autoComplete="off"
            maxLength={60}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            {...errors.field('label')}
          />
          <Button busy={start.isPending} busyLabel={t('security.twoFactor.startingApp')} onClick={() => start.mutate(label)}>
            {t('security.twoFactor.addApp')}
          </Button>
        </div>
      )}
    </Panel>
  );
}
