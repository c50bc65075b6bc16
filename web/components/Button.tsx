import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import './Button.css';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
  ref?: Ref<HTMLButtonElement>;
  /** While true the button shows `busyLabel` and ignores presses. */
  busy?: boolean;
  busyLabel?: string;
}

/**
 * A button that stays focusable while busy (aria-disabled rather than disabled), so keyboard
 * and screen-reader users do not lose their place while a request runs.
 */
export function Button({ variant = 'primary', busy = false, busyLabel, children, onClick, className, ...rest }: ButtonProps) {
  const ignoreWhileBusy = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button type="button" {...rest} className={['button', `button--${variant}`, className].filter(Boolean).join(' ')} aria-disabled={busy || undefined} onClick={ignoreWhileBusy}>
      {busy && <span className="button__spinner" aria-hidden="true" />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
