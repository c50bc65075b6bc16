import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { DetailsList } from '../../components/DetailsList.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { RequireInstallationAction } from '../../lib/signed-in/RequireInstallationAction.tsx';
import type { InstallationSummary } from '../../lib/current-installation.tsx';
import { failureCode, useErrorText } from '../../lib/error-text.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { contractApi, contractQueryKey } from './contract.api.ts';
import './contract.css';

/** Konto och avtalsinformation › Avtal: the contract, read-only (SPEC §6). */
export function ContractPage() {
  const { t } = useTranslation();
  usePageTitle(t('installation.contract.title'));
  return (
    <>
      <PageHeading>{t('installation.contract.title')}</PageHeading>
      <RequireInstallationAction action="contract.view">{(installation) => <Contract installation={installation} />}</RequireInstallationAction>
    </>
  );
}

function Contract({ installation }: { installation: InstallationSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const contract = useQuery({ queryKey: contractQueryKey(installation.id), queryFn: () => contractApi.get(installation.id) });

  if (contract.isPending) return <LoadingState label={t('app.loading')} />;
  if (contract.isError) {
    // Until the company's systems report a contract, there is none to read.
    if (failureCode(contract.error) === 'not_found') {
      return (
        <Alert tone="info">
          <p>{t('installation.contract.none')}</p>
        </Alert>
      );
    }
    return (
      <Alert tone="error">
        <p>{errorText(contract.error)}</p>
      </Alert>
    );
  }
  const c = contract.data;
  const termination = {
    none: t('installation.contract.terminationNone'),
    requested: t('installation.contract.terminationRequested', { date: c.termination.requestedOn ? format.date(c.termination.requestedOn) : '' }),
    confirmed: t('installation.contract.terminationConfirmed', { date: c.termination.endsOn ? format.date(c.termination.endsOn) : '' }),
  }[c.termination.state];
  return (
    <>
      <p className="lead">{t('installation.contract.intro', { alias: installation.alias })}</p>
      <Panel title={t('installation.contract.details')}>
        <DetailsList
          rows={[
            { term: t('installation.contract.number'), value: c.contractNumber },
            { term: t('installation.contract.startDate'), value: format.date(c.startDate) },
            {
              term: t('installation.contract.binding'),
              value: t('installation.contract.bindingValue', { count: c.bindingMonths, date: format.date(c.bindingEndsOn) }),
            },
            {
              term: t('installation.contract.services'),
              value: (
                <ul className="contract__services">
                  {c.services.map((service) => (
                    <li key={service}>{t(`installation.contract.serviceNames.${service}`)}</li>
                  ))}
                </ul>
              ),
            },
            { term: t('installation.contract.monthlyPrice'), value: format.money(c.monthlyPriceOre) },
            { term: t('installation.contract.termination'), value: termination },
          ]}
        />
      </Panel>
      <Panel title={t('installation.contract.invoices')}>
        {c.invoices.length === 0 ? (
          <p>{t('installation.contract.noInvoices')}</p>
        ) : (
          // A table on wide screens; on phones each invoice stacks into a card (contract.css), labelled from data-label.
          <table className="contract__table">
            <caption className="visually-hidden">{t('installation.contract.invoices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('installation.contract.invoiceNumber')}</th>
                <th scope="col">{t('installation.contract.issuedOn')}</th>
                <th scope="col">{t('installation.contract.dueOn')}</th>
                <th scope="col" className="contract__amount">
                  {t('installation.contract.amount')}
                </th>
                <th scope="col">{t('installation.contract.status')}</th>
                <th scope="col">{t('installation.contract.document')}</th>
              </tr>
            </thead>
            <tbody>
              {c.invoices.map((invoice) => (
                <tr key={invoice.number}>
                  <th scope="row" data-label={t('installation.contract.invoiceNumber')}>
                    {invoice.number}
                  </th>
                  <td data-label={t('installation.contract.issuedOn')}>{format.date(invoice.issuedOn)}</td>
                  <td data-label={t('installation.contract.dueOn')}>{format.date(invoice.dueOn)}</td>
                  <td data-label={t('installation.contract.amount')} className="contract__amount">
                    {format.money(invoice.amountOre)}
                  </td>
                  <td data-label={t('installation.contract.status')}>
                    <span className={`contract__status contract__status--${invoice.status}`}>{t(`installation.contract.invoiceStatus.${invoice.status}`)}</span>
                  </td>
                  <td data-label={t('installation.contract.document')}>
                    {/* Only where the billing system keeps the document; it opens there, outside the portal. */}
                    {invoice.documentUrl && (
                      <a href={invoice.documentUrl} target="_blank" rel="noopener noreferrer" aria-label={t('installation.contract.documentLinkLabel', { number: invoice.number })}>
                        {t('installation.contract.documentLink')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </>
  );
}
