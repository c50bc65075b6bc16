import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessWindow } from '../../../contract/installations.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormat } from '../../lib/format.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props {
  value: AccessWindow;
  onChange: (window: AccessWindow) => void;
  /** What the server found wrong with the window: shown once, every part marked and linked to it. */
  error?: string;
  onInput?: () => void;
}

/** When a restricted user has access: weekdays, a date range and a time of day, each optional. */
export function AccessWindowFields({ value, onChange, error, onInput }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const format = useFormat();
  const set = (part: Partial<AccessWindow>) => {
    const next: AccessWindow = { ...value, ...part };
    // Empty parts are left out, so an untouched form means "any time".
    for (const key of Object.keys(next) as (keyof AccessWindow)[]) {
      const v = next[key];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    onChange(next);
  };
  const toggleDay = (day: number, on: boolean) => {
    const days = new Set(value.weekdays ?? []);
    if (on) days.add(day);
    else days.delete(day);
    set({ weekdays: [...days].sort() });
  };

  return (
    <fieldset className="add-user__fieldset" aria-describedby={errorId} onInput={onInput}>
      <legend className="add-user__legend">{t('installation.addUser.window')}</legend>
      <p className="field__hint">{t('installation.addUser.windowHint')}</p>
      {errorId && <FieldError id={errorId}>{error!}</FieldError>}
      <fieldset className="add-user__weekdays">
        <legend className="field__label">{t('installation.addUser.weekdays')}</legend>
        <div className="add-user__weekday-list">
          {WEEKDAYS.map((day) => (
            <label key={day} className="add-user__weekday">
              <input type="checkbox" className="checkbox__input" checked={value.weekdays?.includes(day) ?? false} onChange={(e) => toggleDay(day, e.target.checked)} />
              {format.weekdayLong(day)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="add-user__pair">
        <TextField label={t('installation.addUser.startDate')} type="date" value={value.startDate ?? ''} onChange={(e) => set({ startDate: e.target.value })} errorId={errorId} />
        <TextField label={t('installation.addUser.endDate')} type="date" value={value.endDate ?? ''} onChange={(e) => set({ endDate: e.target.value })} errorId={errorId} />
      </div>
      <div className="add-user__pair">
        <TextField label={t('installation.addUser.startTime')} type="time" value={value.startTime ?? ''} onChange={(e) => set({ startTime: e.target.value })} errorId={errorId} />
        <TextField label={t('installation.addUser.endTime')} type="time" value={value.endTime ?? ''} onChange={(e) => set({ endTime: e.target.value })} errorId={errorId} />
      </div>
    </fieldset>
  );
}
