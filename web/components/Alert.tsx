import type { ReactNode } from 'react';
import './Alert.css';

interface AlertProps {
  tone: 'error' | 'info' | 'success';
  children: ReactNode;
}

/** A message that screen readers announce: errors at once (alert), others politely (status). */
export function Alert({ tone, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
