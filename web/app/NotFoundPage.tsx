import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../lib/page-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="lead">{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
