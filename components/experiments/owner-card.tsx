import { Select } from '@/components/ui/field';
import { OneFieldCard, type Action } from './one-field-card';

type Member = { id: string; name: string; email: string };

/** Hands the experiment to another member of its team (leads and admins; the action checks again). */
export function OwnerCard({ id, version, ownerId, members, action }: { id: number; version: number; ownerId: string | null; members: Member[]; action: Action }) {
  return (
    <OneFieldCard
      name="owner"
      title="Owner"
      description="Hand the experiment to another member of its team."
      id={id}
      version={version}
      action={action}
      formLabel="Change the owner"
      fieldId="owner-select"
      fieldLabel="New owner"
      submit="Change owner"
      submitVariant="secondary"
    >
      <Select id="owner-select" name="ownerId" defaultValue={ownerId ?? ''} className="min-w-0 flex-1" key={`${version}-${ownerId}`}>
        {ownerId == null || !members.some((m) => m.id === ownerId) ? <option value="">No owner in the team</option> : null}
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.email})
          </option>
        ))}
      </Select>
    </OneFieldCard>
  );
}
