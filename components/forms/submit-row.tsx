import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { ActionState } from '@/lib/action-state';
import { ActionResult } from './action-result';

/** A form's submit button, disabled while the action runs, with the action's answer beside it. */
export function SubmitRow({ state, pending, size, className, children }: { state: ActionState; pending: boolean; size?: 'sm'; className?: string; children: ReactNode }) {
  return (
    <div className={cn('flex items-center gap-3', className)}>
      <Button type="submit" size={size} disabled={pending}>
        {children}
      </Button>
      <ActionResult state={state} />
    </div>
  );
}
