import { useId, type InputHTMLAttributes } from 'react';
import './fields.css';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  hint?: string;
}

export function Checkbox({ label, hint, ...input }: CheckboxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox">
      <input className="checkbox__input" type="checkbox" id={id} aria-describedby={hint ? hintId : undefined} {...input} />
      <div>
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p className="field__hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
