import { describe, expect, it } from 'vitest';
import { hoursSavedPerMonth, numberOrNull } from '@/lib/metrics/hours';
import { checkinSchema, experimentSchema, outcomeSchema } from '@/lib/validation/experiment';
import { maxFutureDate } from '@/lib/validation/experiment-fields';

const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('hours saved per month', () => {
  it('is (before − with AI) × tasks per month, rounded to cents of an hour', () => {
    expect(hoursSavedPerMonth(2, 0.5, 40)).toBe(60);
    expect(hoursSavedPerMonth(1, 1 / 3, 3)).toBe(2);
    expect(hoursSavedPerMonth(0.75, 0.25, 7)).toBe(3.5);
  });
  it('is negative when AI made the task slower (shown honestly, not hidden)', () => {
    expect(hoursSavedPerMonth(1, 1.5, 10)).toBe(-5);
  });
  it('is null, not zero, while a figure is missing', () => {
    expect(hoursSavedPerMonth(2, null, 40)).toBeNull();
    expect(hoursSavedPerMonth(undefined, 1, 40)).toBeNull();
    expect(hoursSavedPerMonth(2, 1, Number.NaN)).toBeNull();
  });
  it('reads form text, accepting a decimal comma', () => {
    expect(numberOrNull('1,5')).toBe(1.5);
    expect(numberOrNull(' ')).toBeNull();
    expect(numberOrNull('abc')).toBeNull();
  });
});

describe('experiment form validation', () => {
  it('needs only a title (quick capture) and records no guessed mindset, work type or data sensitivity', () => {
    const r = experimentSchema.safeParse({ title: '  Draft replies with AI  ' });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      title: 'Draft replies with AI',
      teamId: null,
      status: 'proposed',
      mindset: null,
      workType: null,
      dataSensitivity: null,
      modelIds: [],
      primaryModelId: null,
      hoursBeforePerTask: null,
      conclusion: null,
      blockedByModel: false,
    });
  });
  it('refuses an empty title with a plain message', () => {
    expect(errorsOf(experimentSchema.safeParse({ title: '   ' })).title).toBe('Title is required.');
    expect(errorsOf(experimentSchema.safeParse({})).title).toBe('Title is required.');
  });
  it('says when the end date is before the start date', () => {
    const r = experimentSchema.safeParse({ title: 'x', startDate: '2026-03-01', endDate: '2026-02-01' });
    expect(errorsOf(r).endDate).toBe('End date is before start date.');
  });
  it('bounds numbers and dates: hours ≥ 0, quality 1–5 whole, no far-future dates', () => {
    const far = `${Number(maxFutureDate().slice(0, 4)) + 1}-01-01`;
    const e = errorsOf(
      experimentSchema.safeParse({ title: 'x', hoursBeforePerTask: '-1', qualityAfter: '4.5', qualityBefore: '6', startDate: far, spendMonthly: 'lots' }),
    );
    expect(e.hoursBeforePerTask).toBe('Hours per task before AI cannot be less than 0 hours.');
    expect(e.qualityAfter).toBe('Quality with AI must be a whole number.');
    expect(e.qualityBefore).toBe('Quality before cannot be more than 5.');
    expect(e.startDate).toBe('Start date is too far in the future.');
    expect(e.spendMonthly).toBe('AI spend per month must be a number.');
  });
  it('limits text length', () => {
    expect(errorsOf(experimentSchema.safeParse({ title: 'a'.repeat(201) })).title).toBe('Title must be at most 200 characters.');
  });
  it('keeps pasted HTML as plain text (rendering escapes it)', () => {
    const r = experimentSchema.safeParse({ title: '<script>alert(1)</script>' });
    expect(r.data?.title).toBe('<script>alert(1)</script>');
  });
  it('converts money to cents and picks the first model as primary when none is marked', () => {
    const r = experimentSchema.safeParse({ title: 'x', spendMonthly: '12.345', spendOneOff: '1000', modelIds: ['7', '3', '7', 'x'] });
    expect(r.data).toMatchObject({ spendMonthlyCents: 1235, spendOneOffCents: 100000, modelIds: [7, 3], primaryModelId: 7 });
  });
  it('requires the primary model to be among the models used', () => {
    expect(errorsOf(experimentSchema.safeParse({ title: 'x', modelIds: ['1'], primaryModelId: '2' })).primaryModelId).toMatch(/one of the models used/);
  });
  it('asks how often the task happens once both hour figures are given', () => {
    expect(errorsOf(experimentSchema.safeParse({ title: 'x', hoursBeforePerTask: '2', hoursWithAiPerTask: '1' })).tasksPerMonth).toMatch(/tasks per month/);
  });
  it('asks what was missing when the model is marked as the blocker; drops the blocker details otherwise', () => {
    expect(errorsOf(experimentSchema.safeParse({ title: 'x', blockedByModel: 'on' })).blockerMissing).toMatch(/could not do/);
    const ok = experimentSchema.safeParse({ title: 'x', blockedByModel: 'on', blockerMissing: 'Long contracts', blockerMinScore: '80', blockerMaxPriceUsd: '5' });
    expect(ok.data).toMatchObject({ blockedByModel: true, blockerMinScore: 80, blockerMaxPriceUsd: 5 });
  });
  it('keeps a choice once made, and an empty choice (the form\'s "Not set") as not set', () => {
    const chosen = experimentSchema.parse({ title: 'x', mindset: 'new_capability', workType: 'analysis', dataSensitivity: 'confidential' });
    expect(chosen).toMatchObject({ mindset: 'new_capability', workType: 'analysis', dataSensitivity: 'confidential' });
    const cleared = experimentSchema.parse({ title: 'x', mindset: '', workType: '', dataSensitivity: '' });
    expect(cleared).toMatchObject({ mindset: null, workType: null, dataSensitivity: null });
  });

  it('rejects enum values that are not in the lists', () => {
    const e = errorsOf(experimentSchema.safeParse({ title: 'x', status: 'done', mindset: 'magic', conclusion: 'great' }));
    expect(e.status).toBe('Choose a status from the list.');
    expect(e.mindset).toBe('Choose a mindset from the list.');
    expect(e.conclusion).toBe('Choose a conclusion from the list.');
  });
});

describe('outcome and check-in validation', () => {
  it('needs a type, what it made possible (named as the form labels it) and an impact from 1 to 5', () => {
    const e = errorsOf(outcomeSchema.safeParse({ type: 'insight', description: '', impact: '0' }));
    expect(e.description).toBe('What it made possible is required.');
    expect(e.impact).toBe('Impact cannot be less than 1.');
    expect(errorsOf(outcomeSchema.safeParse({ type: 'insight', description: 'x' })).impact).toBe('Impact is required (1–5).');
    expect(outcomeSchema.safeParse({ type: 'synthesis', description: 'Merged 40 reports', impact: '4', evidence: 'https://x' }).success).toBe(true);
  });
  it('needs a check-in date and at least one figure or a note', () => {
    expect(errorsOf(checkinSchema.safeParse({ note: 'hi' })).date).toBe('Date is required.');
    expect(checkinSchema.safeParse({ date: '2026-05-01', hoursWithAiPerTask: '0.5' }).data).toMatchObject({ date: '2026-05-01', hoursWithAiPerTask: 0.5, tasksPerMonth: null });
    expect(checkinSchema.safeParse({ date: '2026-05-01', note: 'slow week' }).success).toBe(true);
    // An invalid required value says why it is invalid, not also "required".
    expect(checkinSchema.safeParse({ date: '2026-99-01', note: 'x' }).error?.issues.map((i) => i.message)).toEqual(['Date is not a valid date (YYYY-MM-DD).']);
    expect(outcomeSchema.safeParse({ type: 'insight', description: 'x', impact: '0' }).error?.issues.map((i) => i.message)).toEqual(['Impact cannot be less than 1.']);
    const onlyDate = checkinSchema.safeParse({ date: '2026-05-01', note: '   ', hoursBeforePerTask: '' });
    expect(onlyDate.error?.issues.map((i) => [i.path, i.message])).toEqual([[[], 'Add at least one figure or a note: a check-in with only a date records nothing.']]);
  });
});

describe('every error of a form at once', () => {
  it('reports the end date before the start date together with a bad number and a missing title', () => {
    const e = errorsOf(experimentSchema.safeParse({ title: '', hoursBeforePerTask: 'abc', startDate: '2026-02-01', endDate: '2026-01-01' }));
    expect(e).toEqual({
      title: 'Title is required.',
      hoursBeforePerTask: 'Hours per task before AI must be a number.',
      endDate: 'End date is before start date.',
    });
  });
  it('reports a bad date and the missing tasks per month together', () => {
    const e = errorsOf(experimentSchema.safeParse({ title: 'x', startDate: '2026-13-45', hoursBeforePerTask: '2', hoursWithAiPerTask: '1' }));
    expect(e).toEqual({
      startDate: 'Start date is not a valid date (YYYY-MM-DD).',
      tasksPerMonth: 'How often does the task happen? Hours saved need tasks per month.',
    });
  });
  it('refuses an over-long title or description with a message, never cuts it', () => {
    const e = errorsOf(experimentSchema.safeParse({ title: 't'.repeat(220), description: 'd'.repeat(8000) }));
    expect(e).toEqual({ title: 'Title must be at most 200 characters.', description: 'Description must be at most 5,000 characters.' });
  });
});
