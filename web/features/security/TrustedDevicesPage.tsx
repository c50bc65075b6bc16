import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { ItemList } from './ItemList.tsx';
import { QueryGate } from './QueryGate.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { securityApi, securityKeys } from './security.api.ts';
import { useRemoveItem } from './use-remove-item.ts';
import './security.css';

/** Säkerhet › Betrodda enheter: devices that skip the code step, and removing them. */
export function TrustedDevicesPage() {
  const { t } = useTranslation();
  const formatDate = useFormat().dateTime;
  usePageTitle(t('security.devices.title'));
  const devices = useQuery({ queryKey: securityKeys.devices, queryFn: securityApi.devices });
  const { mutation: remove, listRef, isRemoving } = useRemoveItem(securityApi.removeDevice);
  return (
    <>
      <PageHeading>{t('security.devices.title')}</PageHeading>
      <p className="lead">{t('security.devices.intro')}</p>
      <Panel title={t('security.devices.listTitle')}>
        <RemovalNotice mutation={remove} done={(name) => t('security.devices.removed', { name })} />
        <QueryGate query={devices}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('security.devices.empty')}</p>
            ) : (
              <>
                <ItemList
                  ref={listRef}
                  label={t('security.devices.listTitle')}
                  items={list.map((device) => ({
                    id: device.id,
                    title: device.label,
                    details: [
                      t('security.devices.trustedSince', { date: formatDate(device.createdAt) }),
                      t('security.common.lastUsed', { date: formatDate(device.lastUsedAt) }),
                      t('security.devices.expires', { date: formatDate(device.expiresAt) }),
                    ],
                    action: (
                      <Button
                        variant="secondary"
                        aria-label={t('security.common.removeNamed', { name: device.label })}
                        busy={isRemoving(device.id)}
                        busyLabel={t('security.common.removing')}
                        onClick={() => remove.mutate({ id: device.id, name: device.label })}
                      >
                        {t('security.common.remove')}
                      </Button>
                    ),
                  }))}
                />
                <p className="security-note">{t('security.devices.unknownHint')}</p>
              </>
            )
          }
        </QueryGate>
      </Panel>
    </>
  );
}
