import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CardHeader } from '@/components/ui/card';
import { Explain } from './explain';

/**
 * The head of an insight that flags experiments (privacy, re-test radar): its title, how many it flags with a
 * link to the same experiments in the list, and the plain-words explanation. Words from `insights.<area>`.
 */
export function FlaggedListIntro({ area, count, listHref }: { area: 'privacy' | 'radar'; count: number; listHref: string }) {
  const t = useTranslations(`insights.${area}`);
  return (
    <>
      <CardHeader
        title={<span id={`${area}-title`}>{t('title')}</span>}
        description={t.rich('count', {
          count,
          n: (chunks) => <span data-testid={`${area}-count`}>{chunks}</span>,
          link: (chunks) => (
            <Link href={listHref} className="text-primary underline underline-offset-2">
              {chunks}
            </Link>
          ),
        })}
      />
      <Explain>{t('explain')}</Explain>
    </>
  );
}
