'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, InputField, Select } from '@/components/ui/field';
import { SubmitRow } from '@/components/forms/submit-row';
import { initialState, type ActionState } from '@/lib/action-state';
import { CHANNEL_LABEL, DATA_POLICY_LABEL } from '@/lib/labels';

type Row = { channel: string; dataPolicy: string; optOut: string; source: string; asOf: string | null; updatedAt: string };
type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** The channels a vendor row describes: the API's policy is each model's own (the model form). */
const CHANNELS = (Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[]).filter((c) => c !== 'api');

/** Admin-only: edit the vendor's policy on one channel; the form carries the version it was loaded with. */
export function ChannelPolicyForm({ vendor, rows, save }: { vendor: string; rows: Row[]; save: Action }) {
  const t = useTranslations('models.channelPolicyForm');
  const tl = useTranslations('labels');
  const [state, action, pending] = useActionState(save, initialState);
  const [channel, setChannel] = useState(state.values?.channel ?? 'consumer_free');
  const row = rows.find((r) => r.channel === channel);
  const e = state.fieldErrors ?? {};
  return (
    <Card className="mt-4">
      <CardHeader title={t('title', { vendor })} description={t('description')} />
      <form action={action} aria-label={t('formLabel')} className="grid gap-3 md:grid-cols-2">
        {/* Ids carry a prefix: the model page also holds the price and score forms (a shared id would take their labels). */}
        <input type="hidden" name="vendor" value={vendor} />
        <input type="hidden" name="updatedAt" value={row?.updatedAt ?? ''} />
        <Field label={t('channel')} name="policy-channel" error={e.channel}>
          <Select id="policy-channel" name="channel" value={channel} onChange={(ev) => setChannel(ev.target.value)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tl(`channel.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        {/* Re-mounted per channel, so each shows that channel's saved values. */}
        <Field label={t('trains')} name="policy-dataPolicy" error={e.dataPolicy}>
          <Select key={`p-${channel}`} id="policy-dataPolicy" name="dataPolicy" defaultValue={row?.dataPolicy ?? 'unknown'}>
            {(Object.keys(DATA_POLICY_LABEL) as (keyof typeof DATA_POLICY_LABEL)[]).map((k) => (
              <option key={k} value={k}>
                {k === 'no_training' ? t('doesNotTrain') : tl(`dataPolicy.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <InputField key={`o-${channel}`} label={t('optOut')} id="policy-optOut" name="optOut" error={e.optOut} defaultValue={row?.optOut ?? ''} />
        <InputField key={`s-${channel}`} label={t('source')} id="policy-source" name="source" error={e.source} required defaultValue={row?.source ?? ''} />
        <InputField key={`a-${channel}`} label={t('asOf')} id="policy-asOf" name="asOf" error={e.asOf} defaultValue={row?.asOf ?? ''} />
        <SubmitRow state={state} pending={pending} className="md:col-span-2">
          {t('save')}
        </SubmitRow>
      </form>
    </Card>
  );
}
