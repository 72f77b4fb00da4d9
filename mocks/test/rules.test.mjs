import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accountAccess, contactScope, isSharedContact, seesAccount, seesAllocation, usableAccounts } from '../src/rules/access.mjs';
import { allocationErrors } from '../src/rules/allocation.mjs';
import { unbindRefusal } from '../src/rules/unbinding.mjs';
import { interpretPush } from '../src/rules/wechat-push.mjs';
import { contactsToJoin, mergedProfile } from '../src/rules/contacts.mjs';
import { authorizationChange, grantedPermissions, ticketState } from '../src/rules/authorization.mjs';
import { compileRoutePattern } from '../src/faults.mjs';
import { avatarInitial } from '../src/wechat/avatar.mjs';

const admin = { id: 'a', role: 'admin', department: { id: 'hq', name: 'HQ' } };
const marketer = { id: 'm', role: 'member', department: { id: 'mkt', name: 'Marketing' } };
const east = { id: 'e', role: 'member', department: { id: 'east', name: 'East' } };
const loner = { id: 'l', role: 'member', department: null };
const bound = (appid) => ({ appid, bound: 1 });

describe('access rules', () => {
  it('admins use every bound account; members only their department\'s; unbound is forbidden', () => {
    assert.equal(accountAccess(admin, bound('x'), []), 'allowed');
    assert.equal(accountAccess(marketer, bound('x'), ['x']), 'allowed');
    assert.equal(accountAccess(east, bound('x'), []), 'forbidden');
    assert.equal(accountAccess(admin, { appid: 'x', bound: 0 }, ['x']), 'forbidden');
    assert.equal(accountAccess(admin, undefined, []), 'not-found');
  });

  it('filters usable accounts and event audiences', () => {
    const accounts = [bound('x'), bound('y')];
    assert.deepEqual(usableAccounts(admin, accounts, []), accounts);
    assert.deepEqual(usableAccounts(marketer, accounts, ['y']), [bound('y')]);
    assert.equal(seesAccount(marketer, ['mkt']), true);
    assert.equal(seesAccount(east, ['mkt']), false, 'no inheritance from the parent');
    assert.equal(seesAccount(loner, ['mkt']), false);
    assert.equal(seesAccount(admin, []), true);
    assert.equal(seesAllocation(east, 'mkt'), false);
    assert.equal(seesAllocation(marketer, 'mkt'), true);
  });

  it('scopes contact lists: admins may name unbound accounts, members may not', () => {
    const scope = { knownAppids: ['x', 'y', 'gone'], usableAppids: ['x'] };
    assert.deepEqual(contactScope(marketer, undefined, scope), { appids: ['x'], visibleAppids: ['x'], ownAppids: ['x'] });
    // A contact-sharing rule adds read-only accounts (known ones only) to a member's scope.
    assert.deepEqual(contactScope(marketer, undefined, { ...scope, sharedAppids: ['gone', 'unknown'] }),
      { appids: ['x', 'gone'], visibleAppids: ['x', 'gone'], ownAppids: ['x'] });
    assert.equal(isSharedContact(['gone'], ['x']), true);
    assert.equal(isSharedContact(['gone', 'x'], ['x']), false);
    assert.equal(isSharedContact(['gone'], null), false);
    assert.deepEqual(contactScope(marketer, ['gone'], scope), { refused: 'forbidden', appid: 'gone' });
    assert.deepEqual(contactScope(admin, ['gone', 'gone'], scope), { appids: ['gone'], visibleAppids: ['x', 'y', 'gone'], ownAppids: null });
    assert.deepEqual(contactScope(admin, ['nope'], scope), { refused: 'not-found', appid: 'nope' });
  });
});

describe('account rules', () => {
  it('names each unbound appid of an allocation', () => {
    assert.deepEqual(allocationErrors(['a', 'b', 'c'], ['b']), [
      { field: 'appids[0]', message: 'a is not a bound WeChat account' },
      { field: 'appids[2]', message: 'c is not a bound WeChat account' },
    ]);
  });

  it('refuses to unbind an authorized account with the back-office steps', () => {
    const refusal = unbindRefusal({ name: 'Dmartech订阅号', status: 'authorized' });
    assert.equal(refusal.status, 409);
    assert.equal(refusal.code, 'WECHAT_STILL_AUTHORIZED');
    assert.match(refusal.detail, /Dmartech订阅号/);
    assert.equal(unbindRefusal({ name: 'x', status: 'revoked' }), null);
  });

  it('tells binding from re-authorizing, and checks tickets', () => {
    assert.equal(authorizationChange(undefined), 'bound');
    assert.equal(authorizationChange({ bound: 0 }), 'bound');
    assert.equal(authorizationChange({ bound: 1 }), 'reauthorized');
    assert.deepEqual(grantedPermissions(['menu', 'evil', 'message'], ['message', 'user', 'menu']), ['message', 'menu']);
    const ticket = { expires_at: '2026-01-01T00:30:00.000Z', completed_at: null };
    assert.equal(ticketState(ticket, '2026-01-01T00:00:00.000Z'), 'valid');
    assert.equal(ticketState(ticket, '2026-01-01T00:30:00.000Z'), 'expired');
    assert.equal(ticketState({ ...ticket, completed_at: 'x' }, '2026-01-01T00:00:00.000Z'), 'used');
    assert.equal(ticketState(undefined, ''), 'unknown');
  });

  it('uses the first CJK character as the avatar initial', () => {
    assert.equal(avatarInitial('Dmartech智慧营销'), '智');
    assert.equal(avatarInitial('DM Demo Service'), 'S');
  });
});

describe('WeChat push rules', () => {
  it('reads a QR follow, a plain follow, an unfollow and a message', () => {
    assert.deepEqual(interpretPush({ FromUserName: 'o1', MsgType: 'event', Event: 'subscribe', EventKey: 'qrscene_42', CreateTime: 10 }, 99), {
      type: 'subscribe', openid: 'o1', createdAtSeconds: 10, kind: 'subscribe', scene: 'ADD_SCENE_QR_CODE', qrScene: '42',
    });
    assert.equal(interpretPush({ FromUserName: 'o1', MsgType: 'event', Event: 'subscribe' }, 99).scene, 'ADD_SCENE_OTHERS');
    assert.equal(interpretPush({ FromUserName: 'o1', MsgType: 'event', Event: 'subscribe' }, 99).createdAtSeconds, 99);
    assert.equal(interpretPush({ FromUserName: 'o1', MsgType: 'event', Event: 'unsubscribe' }, 1).kind, 'unsubscribe');
    assert.deepEqual(
      [interpretPush({ FromUserName: 'o1', MsgType: 'text' }, 1).type, interpretPush({ FromUserName: 'o1', MsgType: 'event', Event: 'SCAN' }, 1).type],
      ['text', 'scan'],
    );
  });
});

describe('contact merge rules', () => {
  it('keeps the survivor\'s fields, fills gaps, and lets learned details win', () => {
    assert.deepEqual(mergedProfile({ name: null, phone: '1', email: null }, { name: '李雷', phone: '2', email: 'a@b' }), {
      name: '李雷', phone: '1', email: 'a@b',
    });
    assert.deepEqual(mergedProfile({ name: 'x', phone: null, email: null }, null, { phone: '9' }), { name: 'x', phone: '9', email: null });
    assert.deepEqual(contactsToJoin(5, [7, undefined, 3, 5, 7]), [3, 7]);
  });
});

describe('fault patterns', () => {
  it('matches exact routes, globs and regular expressions', () => {
    assert.equal(compileRoutePattern('GET /api/wechat/accounts')('GET', '/api/wechat/accounts'), true);
    assert.equal(compileRoutePattern('GET /api/wechat/accounts')('GET', '/api/wechat/accounts/wx1'), false);
    assert.equal(compileRoutePattern('get /api/wechat/accounts')('GET', '/api/wechat/accounts'), true);
    assert.equal(compileRoutePattern('* /api/jobs/*')('DELETE', '/api/jobs/j1'), true);
    assert.equal(compileRoutePattern('/api/jobs?')('GET', '/api/jobs/'), true);
    assert.equal(compileRoutePattern('/^(PUT|POST) /')('PUT', '/api/x'), true);
    assert.equal(compileRoutePattern('/^(PUT|POST) /')('GET', '/api/x'), false);
  });
});
