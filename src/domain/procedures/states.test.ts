import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATES,
  TRANSITIONS,
  applyCorrections,
  availableActions,
  changedFields,
  transition,
  type Actor,
  type ApplicationAction,
  type ApplicationState,
} from './states.js';

/** The spec's States section, written out independently of the table. */
const ALLOWED: readonly [ApplicationAction, ApplicationState, Actor, ApplicationState | 'deleted'][] = [
  ['submit', 'draft', 'applicant', 'submitted'],
  ['start', 'submitted', 'staff', 'in_progress'],
  ['complete', 'in_progress', 'staff', 'completed'],
  ['reject', 'in_progress', 'staff', 'rejected'],
  ['return', 'in_progress', 'staff', 'returned'],
  ['resubmit', 'returned', 'applicant', 'submitted'],
  ['withdraw', 'submitted', 'applicant', 'withdrawn'],
  ['withdraw', 'returned', 'applicant', 'withdrawn'],
  ['expire', 'draft', 'system', 'deleted'],
];
const ACTIONS: ApplicationAction[] = [
  'submit',
  'start',
  'complete',
  'reject',
  'return',
  'resubmit',
  'withdraw',
  'expire',
];
const ACTORS: Actor[] = ['applicant', 'staff', 'system'];

const request = (action: ApplicationAction, state: ApplicationState, actor: Actor) => ({
  action,
  state,
  actor,
  revision: 1,
  withdrawalAllowed: true,
  message: '書類が不足しています',
  markedFields: ['name'],
  fieldIds: ['name', 'address'],
});

const cases = ACTIONS.flatMap((action) =>
  APPLICATION_STATES.flatMap((state) =>
    ACTORS.map((actor) => {
      const allowed = ALLOWED.find(([a, s, who]) => a === action && s === state && who === actor);
      return [action, state, actor, allowed ? allowed[3] : null] as const;
    }),
  ),
);

describe('the state machine, every action × state × actor', () => {
  it.each(cases)('%s from %s by %s → %s', (action, state, actor, to) => {
    const r = transition(request(action, state, actor));
    if (to === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, to });
  });

  it('the table has exactly the spec’s transitions', () => {
    const fromTable = TRANSITIONS.flatMap((t) => t.from.map((s) => [t.action, s, t.who, t.to]));
    expect(fromTable).toEqual(ALLOWED);
  });

  it('refusals say why', () => {
    expect(transition(request('complete', 'submitted', 'staff'))).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
    expect(transition(request('withdraw', 'submitted', 'staff'))).toEqual({
      ok: false,
      reason: 'wrong_actor',
    });
    expect(
      transition({ ...request('withdraw', 'submitted', 'applicant'), withdrawalAllowed: false }),
    ).toEqual({
      ok: false,
      reason: 'withdrawal_not_allowed',
    });
    expect(transition({ ...request('withdraw', 'in_progress', 'applicant') })).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
    expect(transition({ ...request('reject', 'in_progress', 'staff'), message: '  ' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(transition({ ...request('return', 'in_progress', 'staff'), message: undefined })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(transition({ ...request('return', 'in_progress', 'staff'), markedFields: [] })).toEqual({
      ok: false,
      reason: 'fields_required',
    });
    expect(transition({ ...request('return', 'in_progress', 'staff'), markedFields: ['nope'] })).toEqual({
      ok: false,
      reason: 'unknown_field',
    });
    expect(transition({ ...request('complete', 'in_progress', 'staff'), message: undefined }).ok).toBe(true);
    expect(
      transition({ ...request('submit', 'draft', 'applicant'), action: 'fly' as ApplicationAction }),
    ).toEqual({
      ok: false,
      reason: 'unknown_action',
    });
  });

  it('差し戻す marks fields; 再申請 makes revision n+1; others keep it', () => {
    expect(
      transition({ ...request('return', 'in_progress', 'staff'), markedFields: ['name', 'name'] }),
    ).toMatchObject({
      markedFields: ['name'],
      revision: 1,
    });
    expect(transition({ ...request('resubmit', 'returned', 'applicant'), revision: 2 })).toMatchObject({
      revision: 3,
    });
    expect(transition(request('start', 'submitted', 'staff'))).toMatchObject({
      revision: 1,
      visibleToApplicant: true,
    });
    expect(transition(request('expire', 'draft', 'system'))).toMatchObject({ visibleToApplicant: false });
  });

  it('the buttons each actor sees', () => {
    expect(availableActions('submitted', 'applicant', true)).toEqual(['withdraw']);
    expect(availableActions('submitted', 'applicant', false)).toEqual([]);
    expect(availableActions('returned', 'applicant', true)).toEqual(['resubmit', 'withdraw']);
    expect(availableActions('in_progress', 'staff', true)).toEqual(['complete', 'reject', 'return']);
    expect(availableActions('completed', 'staff', true)).toEqual([]);
  });

  it('a resubmission changes only the marked fields; staff see what changed', () => {
    const before = { name: 'a', address: { city: 'x' }, phone: '1' };
    const corrected = { name: 'b', address: { city: 'y' }, phone: '2' };
    const after = applyCorrections(before, corrected, ['address']);
    expect(after).toEqual({ name: 'a', address: { city: 'y' }, phone: '1' });
    expect(changedFields(before, after)).toEqual(['address']);
    expect(changedFields({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
  });
});
