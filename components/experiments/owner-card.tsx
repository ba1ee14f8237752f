import { useTranslations } from 'next-intl';
import { Select } from '@/components/ui/field';
import { OneFieldCard, type Action } from './one-field-card';

type Member = { id: string; name: string; email: string };

/** Hands the experiment to another member of its team (leads and admins; the action checks again). */
export function OwnerCard({ id, version, ownerId, members, action }: { id: number; version: number; ownerId: string | null; members: Member[]; action: Action }) {
  const t = useTranslations('experiments.owner');
  return (
    <OneFieldCard name="owner" id={id} version={version} action={action} submitVariant="secondary">
      <Select id="owner-field" name="ownerId" defaultValue={ownerId ?? ''} className="min-w-0 flex-1" key={`${version}-${ownerId}`}>
        {ownerId == null || !members.some((m) => m.id === ownerId) ? <option value="">{t('noOwner')}</option> : null}
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.email})
          </option>
        ))}
      </Select>
    </OneFieldCard>
  );
}
