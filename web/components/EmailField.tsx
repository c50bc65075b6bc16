import type { ChangeEvent } from 'react';
import { TextField } from './TextField.tsx';

interface EmailFieldProps {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string;
  onInput?: () => void;
}

/** The e-mail address an account signs in with: the browser offers saved sign-ins, phones show the @ keyboard. */
export function EmailField(props: EmailFieldProps) {
  return <TextField type="email" name="email" autoComplete="username" inputMode="email" spellCheck={false} required {...props} />;
}
