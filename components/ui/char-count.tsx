import { useTranslations } from 'next-intl';
import { cn } from './cn';

/**
 * "180 / 200 characters" once a text nears its limit (from 80 %); over it, red, saying by how much,
 * before the form is sent. The element is always there so aria-describedby always points somewhere.
 */
export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations('common');
  const over = length - max;
  const shown = length >= max * 0.8;
  return (
    <p id={id} data-testid={id} className={cn('text-right text-xs', over > 0 ? 'font-medium text-danger' : 'text-muted-foreground')} aria-live="polite">
      {shown ? (over > 0 ? t('charCountOver', { length, max, over }) : t('charCount', { length, max })) : null}
    </p>
  );
}
