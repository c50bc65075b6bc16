import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import type { Catalog } from '../../locales/sv.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { QueryGate } from './QueryGate.tsx';
import { securityApi, securityKeys } from './security.api.ts';
import './security.css';

/** The API returns the newest events up to a limit (at most 200); "show more" asks for a longer list. */
const PAGE = 50;
const MOST = 200;

type EventKind = keyof Catalog['security']['activity']['kind'];

/** Säkerhet › Aktivitet: the account's security events, newest first. */
export function ActivityPage() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormat().dateTime;
  usePageTitle(t('security.activity.title'));
  const [limit, setLimit] = useState(PAGE);
  // The shown events stay while the longer list loads, so the page does not jump.
  const activity = useQuery({ queryKey: securityKeys.activity(limit), queryFn: () => securityApi.activity(limit), placeholderData: keepPreviousData });
  const describe = (kind: string) => (i18n.exists(`security.activity.kind.${kind}`) ? t(`security.activity.kind.${kind as EventKind}`) : t('security.activity.unknown', { kind }));

  return (
    <>
      <PageHeading>{t('security.activity.title')}</PageHeading>
      <p className="lead">{t('security.activity.intro')}</p>
      <Panel title={t('security.activity.listTitle')}>
        <QueryGate query={activity}>
          {(events) =>
            events.length === 0 ? (
              <p>{t('security.activity.empty')}</p>
            ) : (
              <>
                <ol className="activity-list" aria-label={t('security.activity.listTitle')}>
                  {events.map((event, index) => (
                    <li className="activity-list__item" key={`${event.at}-${index}`}>
                      <time className="activity-list__time" dateTime={event.at}>
                        {formatDate(event.at)}
                      </time>
                      <span className="activity-list__what">{describe(event.kind)}</span>
                      {(event.device || event.ip) && (
                        <span className="activity-list__where">
                          {[event.device && t('security.activity.from', { device: event.device }), event.ip && t('security.activity.ip', { ip: event.ip })].filter(Boolean).join(' · ')}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
                {(activity.isPlaceholderData || events.length === limit) && limit < MOST && (
                  <div className="security-actions">
                    <Button variant="secondary" busy={activity.isPlaceholderData} busyLabel={t('security.activity.loadingMore')} onClick={() => setLimit(Math.min(limit + PAGE, MOST))}>
                      {t('security.activity.showMore')}
                    </Button>
                  </div>
                )}
              </>
            )
          }
        </QueryGate>
      </Panel>
    </>
  );
}
