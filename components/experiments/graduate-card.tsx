import { Input } from '@/components/ui/field';
import { OneFieldCard, type Action } from './one-field-card';

/** An exploration that found its footing becomes a measured experiment: same row, same history, now with a target metric. */
export function GraduateCard({ id, version, action }: { id: number; version: number; action: Action }) {
  return (
    <OneFieldCard
      name="graduate"
      title="Graduate to a measured experiment"
      description="It keeps its check-ins, outcomes, techniques and history; from then on it is judged on the target metric and asked for capability evidence like any measured experiment."
      id={id}
      version={version}
      action={action}
      formLabel="Graduate this exploration"
      fieldId="graduate-metric"
      fieldLabel="Target metric"
      submit="Graduate"
    >
      <Input id="graduate-metric" name="targetMetric" placeholder="Target metric, e.g. hours per monthly report" maxLength={300} className="min-w-0 flex-1" />
    </OneFieldCard>
  );
}
