import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { useCurrentInstallation } from '../../lib/current-installation.tsx';
import './installation.css';

/**
 * Which alarm system the pages show. With several, a list and a button: choosing in the list
 * alone changes nothing, so moving through it with the keyboard does not reload the page.
 */
export function InstallationSwitcher() {
  const { t } = useTranslation();
  const selectId = useId();
  const { installations, current, choose } = useCurrentInstallation();
  const [selected, setSelected] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  if (!current) return null;

  const describe = (i: typeof current) => t('installation.switcher.option', { alias: i.alias, street: i.address.street, city: i.address.city });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = installations.find((i) => i.id === (selected ?? current.id));
    if (!next) return;
    choose(next.id);
    setAnnouncement(t('installation.switcher.showing', { alias: next.alias }));
  };

  return (
    <div className="installation-bar">
      {installations.length > 1 ? (
        <form className="installation-bar__form" onSubmit={submit}>
          <label className="installation-bar__label" htmlFor={selectId}>
            {t('installation.switcher.label')}
          </label>
          <select id={selectId} className="installation-bar__select" value={selected ?? current.id} onChange={(e) => setSelected(e.target.value)}>
            {installations.map((i) => (
              <option key={i.id} value={i.id}>
                {describe(i)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary">
            {t('installation.switcher.choose')}
          </Button>
        </form>
      ) : (
        <p className="installation-bar__single">
          <span className="installation-bar__label">{t('installation.switcher.label')}</span> {describe(current)}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
