import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function secondsUntil(deadline: number | undefined): number {
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/** Whole seconds left until `deadline` (epoch ms), ticking once a second; 0 when passed or absent. */
export function useSecondsLeft(deadline: number | undefined): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(deadline));
  useEffect(() => {
    setSeconds(secondsUntil(deadline));
    if (deadline === undefined) return;
    const timer = setInterval(() => {
      const next = secondsUntil(deadline);
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return seconds;
}

/** "14 min 05 s" or "30 s", in the current language. */
export function useFormatDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return (total) => {
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    return minutes > 0 ? t('time.minutesSeconds', { minutes, seconds: String(seconds).padStart(2, '0') }) : t('time.seconds', { seconds });
  };
}
