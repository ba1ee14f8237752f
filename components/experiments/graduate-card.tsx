import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/field';
import { OneFieldCard, type Action } from './one-field-card';

/** An exploration that found its footing becomes a measured experiment: same row, same history, now with a target metric. */
export function GraduateCard({ id, version, action }: { id: number; version: number; action: Action }) {
  const t = useTranslations('experiments.graduate');
  return (
    <OneFieldCard name="graduate" id={id} version={version} action={action}>
      <Input id="graduate-field" name="targetMetric" placeholder={t('placeholder')} maxLength={300} className="min-w-0 flex-1" />
    </OneFieldCard>
  );
}
