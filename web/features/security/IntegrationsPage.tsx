import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FormCheckFailed } from '../../lib/form-errors.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useFormErrors } from '../../lib/use-form-errors.ts';
import { CreatedToken } from './CreatedToken.tsx';
import { useFormat } from '../../lib/format.ts';
import { ItemList } from './ItemList.tsx';
import { QueryGate } from './QueryGate.tsx';
import { RemovalNotice } from './RemovalNotice.tsx';
import { securityApi, securityKeys, type TokenScope } from './security.api.ts';
import { useRemoveItem } from './use-remove-item.ts';
import './security.css';

const scopes: TokenScope[] = ['read', 'read_write'];
const fields = ['name'] as const;

/** Creating a token: a name and read or read-and-change; the token is shown once, after. */
function CreateTokenForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const create = useMutation({
    mutationFn: async (token: { name: string; scope: TokenScope }) => {
      if (!token.name) throw new FormCheckFailed('security.integrations.nameMissing', 'name');
      return securityApi.createToken(token);
    },
    onSuccess: () => {
      setName('');
      setScope('read');
      return client.invalidateQueries({ queryKey: securityKeys.all });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), scope });
  };
  const errors = useFormErrors(create.error, fields);

  if (create.isSuccess) return <CreatedToken name={create.data.name} token={create.data.token} onDone={() => create.reset()} />;
  return (
    <form ref={errors.formRef} className="security-form" onSubmit={submit} noValidate>
      {errors.message && <Alert tone="error">{errors.message}</Alert>}
      <TextField
        label={t('security.integrations.name')}
        hint={t('security.integrations.nameHint')}
        name="token-name"
        autoComplete="off"
        maxLength={100}
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        {...errors.field('name')}
      />
      <fieldset className="choice-group">
        <legend className="field__label">{t('security.integrations.scopeLegend')}</legend>
        {scopes.map((value) => (
          <label className="choice" key={value}>
            <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
            <span>
              <span className="choice__label">{t(`security.integrations.scope.${value}`)}</span>
              <span className="field__hint choice__hint">{t(`security.integrations.scopeHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="security-note">{t('security.integrations.noExpiry')}</p>
      <Button type="submit" busy={create.isPending} busyLabel={t('security.integrations.creating')}>
        {t('security.integrations.create')}
      </Button>
    </form>
  );
}

/** Säkerhet › Integrationer: personal API tokens for home automation and the like. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const formatDate = useFormat().dateTime;
  usePageTitle(t('security.integrations.title'));
  const tokens = useQuery({ queryKey: securityKeys.tokens, queryFn: securityApi.tokens });
  const { mutation: revoke, listRef, isRemoving } = useRemoveItem(securityApi.revokeToken);
  return (
    <>
      <PageHeading>{t('security.integrations.title')}</PageHeading>
      <p className="lead">{t('security.integrations.intro')}</p>
      <Panel title={t('security.integrations.createTitle')}>
        <CreateTokenForm />
      </Panel>
      <Panel title={t('security.integrations.listTitle')}>
        <RemovalNotice mutation={revoke} done={(name) => t('security.integrations.revoked', { name })} />
        <QueryGate query={tokens}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('security.integrations.empty')}</p>
            ) : (
              <ItemList
                ref={listRef}
                label={t('security.integrations.listTitle')}
                items={list.map((token) => ({
                  id: token.id,
                  title: token.name,
                  badge: t(`security.integrations.scope.${token.scope}`),
                  details: [
                    t('security.integrations.created', { date: formatDate(token.createdAt) }),
                    token.lastUsedAt ? t('security.common.lastUsed', { date: formatDate(token.lastUsedAt) }) : t('security.common.neverUsed'),
                  ],
                  action: (
                    <Button
                      variant="secondary"
                      aria-label={t('security.integrations.revokeNamed', { name: token.name })}
                      busy={isRemoving(token.id)}
                      busyLabel={t('security.integrations.revoking')}
                      onClick={() => revoke.mutate({ id: token.id, name: token.name })}
                    >
                      {t('security.integrations.revoke')}
                    </Button>
                  ),
                }))}
              />
            )
          }
        </QueryGate>
      </Panel>
    </>
  );
}
