import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';

type Props = {
  team: { id: number; name: string; participantsMayRecord: boolean };
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * Whether the people who ran the team's experiments (owner, participants) may add outcomes and check-ins,
 * whatever their role: a per-team setting rather than a role, so the permission table and SSO's role mapping
 * stay as they are. Shows the current answer and the button that flips it.
 */
export async function TeamRecordingForm({ team, action }: Props) {
  const t = await getTranslations('admin.teamRecording');
  const tc = await getTranslations('common');
  const next = team.participantsMayRecord ? 'no' : 'yes';
  return (
    <ActionForm action={action} label={t('formLabel', { team: team.name })} className="justify-end">
      <input type="hidden" name="teamId" value={team.id} />
      <input type="hidden" name="participantsMayRecord" value={next} />
      <span className="text-sm" data-testid="team-recording">
        {team.participantsMayRecord ? tc('yes') : tc('no')}
      </span>
      <Button type="submit" size="sm" variant="secondary" aria-label={team.participantsMayRecord ? t('stopLabel', { team: team.name }) : t('allowLabel', { team: team.name })}>
        {team.participantsMayRecord ? t('stop') : t('allow')}
      </Button>
    </ActionForm>
  );
}
