import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** An exploration that found its footing becomes a measured experiment: same row, same history, now with a target metric. */
export function GraduateCard({ id, version, action }: { id: number; version: number; action: Action }) {
  return (
    <Card aria-labelledby="graduate-title">
      <CardHeader
        title={<span id="graduate-title">Graduate to a measured experiment</span>}
        description="It keeps its check-ins, outcomes, techniques and history; from then on it is judged on the target metric and asked for capability evidence like any measured experiment."
      />
      <ActionForm action={action} label="Graduate this exploration">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor="graduate-metric" className="sr-only">
          Target metric
        </label>
        <Input id="graduate-metric" name="targetMetric" placeholder="Target metric, e.g. hours per monthly report" maxLength={300} className="min-w-0 flex-1" />
        <Button type="submit" size="sm">
          Graduate
        </Button>
      </ActionForm>
    </Card>
  );
}
