import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type Member = { id: string; name: string; email: string };

/** Hands the experiment to another member of its team (leads and admins; the action checks again). */
export function OwnerCard({ id, version, ownerId, members, action }: { id: number; version: number; ownerId: string | null; members: Member[]; action: Action }) {
  return (
    <Card aria-labelledby="owner-title">
      <CardHeader title={<span id="owner-title">Owner</span>} description="Hand the experiment to another member of its team." />
      <ActionForm action={action} label="Change the owner">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor="owner-select" className="sr-only">
          New owner
        </label>
        <Select id="owner-select" name="ownerId" defaultValue={ownerId ?? ''} className="min-w-0 flex-1" key={`${version}-${ownerId}`}>
          {ownerId == null || !members.some((m) => m.id === ownerId) ? <option value="">No owner in the team</option> : null}
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.email})
            </option>
          ))}
        </Select>
        <Button type="submit" size="sm" variant="secondary">
          Change owner
        </Button>
      </ActionForm>
    </Card>
  );
}
