import { useEffect, useRef, useState } from 'react';
import { Button } from './Button.tsx';
import './ConfirmButton.css';

interface ConfirmButtonProps {
  /** The button that starts it, e.g. "Remove Anna". */
  label: string;
  /** The question asked before anything happens. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  busyLabel: string;
  onConfirm: () => void;
}

/**
 * A destructive action asked about first, in place: the question takes focus so screen readers
 * read it, and cancelling puts focus back on the button.
 */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, busy, busyLabel, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (opened.current) buttonRef.current?.focus();
    opened.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={buttonRef} variant="secondary" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div className="confirm">
      <p className="confirm__question" ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="confirm__actions">
        <Button variant="danger" busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
