import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InstallationOverview } from '../../../contract/overview.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Panel } from '../../components/Panel.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { overviewApi, overviewQueryKey } from './overview.api.ts';

interface Shortcut {
  to: string;
  title: string;
  lines: string[];
}

/**
 * The current installation at a glance: what the user's level means, and a shortcut to each page
 * it may open with that page's state. The server leaves out what the level may not see.
 */
export function InstallationGlance({ installation }: { installation: InstallationSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const overview = useQuery({ queryKey: overviewQueryKey(installation.id), queryFn: () => overviewApi.get(installation.id) });

  if (overview.isPending) return <LoadingState label={t('app.loading')} />;
  if (overview.isError) {
    return (
      <Alert tone="error">
        <p>{errorText(overview.error)}</p>
      </Alert>
    );
  }
  const shortcuts = shortcutsOf(overview.data, t);
  return (
    <Panel title={t('overview.glance.title')}>
      <p>{t(`overview.glance.levelIntro.${overview.data.level}`, { alias: installation.alias })}</p>
      {shortcuts.length > 0 && (
        <ul className="overview__shortcuts">
          {shortcuts.map((shortcut) => (
            <li key={shortcut.to}>
              <Link className="overview__tile" to={shortcut.to}>
                <span className="overview__tile-title">{shortcut.title}</span>
                {shortcut.lines.map((line) => (
                  <span className="overview__tile-hint" key={line}>
                    {line}
                  </span>
                ))}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function shortcutsOf({ users, codeWords, contactPersons }: InstallationOverview, t: TFunction): Shortcut[] {
  const g = 'overview.glance';
  const shortcuts: Shortcut[] = [];
  if (users) shortcuts.push({ to: '/users', title: t(`${g}.users`), lines: [t(`${g}.userCount`, { count: users.count })] });
  if (codeWords) {
    const customer = codeWords.customerWordLocked ? `${g}.customerWordLocked` : codeWords.customerWordSet ? `${g}.customerWordSet` : `${g}.customerWordMissing`;
    const company = codeWords.companyWordSet ? `${g}.companyWordSet` : `${g}.companyWordMissing`;
    shortcuts.push({ to: '/code-words', title: t(`${g}.codeWords`), lines: [t(customer), t(company)] });
  }
  if (contactPersons) {
    shortcuts.push({ to: '/contacts', title: t(`${g}.contactPersons`), lines: [t(`${g}.contactCount`, { count: contactPersons.count, max: contactPersons.max })] });
  }
  return shortcuts;
}
