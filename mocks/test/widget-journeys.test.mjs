import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { triggerFires, validateTrigger } from '../src/rules/journey-trigger.mjs';
import { APPIDS, signIn, setUpSuite, tearDownSuite } from './helpers.mjs';

const trigger = (patch = {}) => ({ version: 1, type: 'wechatEvent', appid: APPIDS.smart, event: 'sentMessage', match: { operator: 'contains', text: 'Dmartech' }, ...patch });

describe('journey trigger rules', () => {
  it('fires on the event it names, with its QR code, menu key or message text', () => {
    assert.equal(triggerFires(trigger(), { Content: '你好 Dmartech' }, 'text'), true);
    assert.equal(triggerFires(trigger(), { Content: '你好' }, 'text'), false);
    assert.equal(triggerFires(trigger({ match: { operator: 'equals', text: 'Dmartech' } }), { Content: 'Dmartech!' }, 'text'), false);
    assert.equal(triggerFires(trigger({ match: undefined }), {}, 'image'), true);
    assert.equal(triggerFires(trigger({ event: 'followed', match: undefined }), {}, 'subscribe'), true);
    assert.equal(triggerFires(trigger({ event: 'scannedQrCode', match: undefined, qrCodeId: 5 }), { EventKey: 'qrscene_expo' }, 'subscribe', { qrScene: 'expo' }), true);
    assert.equal(triggerFires(trigger({ event: 'scannedQrCode', match: undefined, qrCodeId: 5 }), { EventKey: 'other' }, 'scan', { qrScene: 'expo' }), false);
    assert.equal(triggerFires(trigger({ event: 'clickedMenu', match: undefined, menuKey: 'TODAY_PICK' }), { EventKey: 'TODAY_PICK' }, 'click'), true);
    assert.equal(triggerFires(trigger({ event: 'clickedMenu', match: undefined, menuKey: 'TODAY_PICK' }), { EventKey: 'BRAND_STORY' }, 'click'), false);
  });

  it('names the path of each problem', () => {
    assert.deepEqual(validateTrigger({ version: 1, type: 'wechatEvent', appid: '', event: 'sentMessage', match: { operator: 'contains', text: '' } }).map((e) => e.field), [
      'trigger.appid',
      'trigger.match.text',
    ]);
    assert.deepEqual(validateTrigger(trigger({ event: 'followed' })).map((e) => e.field), ['trigger.match.operator']);
  });
});

describe('journeys started by a WeChat event', () => {
  let app, dataDir, admin, control;
  before(async () => ({ app, dataDir, admin, control } = await setUpSuite()));
  after(() => tearDownSuite({ app, dataDir }));
  const fanOf = (appid) => app.mockSuite.db.prepare('SELECT openid, contact_id FROM fans WHERE appid = ? AND subscribed = 1 LIMIT 1').get(appid);
  const say = (appid, openid, Content) => control.post('/__mock/wechat/events', { appid, FromUserName: openid, MsgType: 'text', Content });

  it('a saved journey is active; a matching message makes the fan enter it, others do not', async () => {
    const created = await admin.post('/api/widgets/journeys', { name: '回复 Dmartech 的粉丝', trigger: trigger() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'active');
    assert.deepEqual(created.body.trigger, trigger());
    const id = created.body.id;
    assert.ok((await admin.get('/api/host/journeys')).body.items.some((j) => j.id === id));

    const fan = fanOf(APPIDS.smart);
    assert.equal((await say(APPIDS.smart, fan.openid, '你好')).status, 200);
    assert.deepEqual((await admin.get(`/api/widgets/journeys/${id}/entries`)).body.items, []);
    await say(APPIDS.smart, fan.openid, '想了解 Dmartech');
    const other = fanOf(APPIDS.subscription);
    await say(APPIDS.subscription, other.openid, 'Dmartech'); // another account: not this journey
    const entries = (await admin.get(`/api/widgets/journeys/${id}/entries`)).body.items;
    assert.equal(entries.length, 1);
    assert.equal(entries[0].openid, fan.openid);
    assert.equal(entries[0].contactId, fan.contact_id);
  });

  it('refuses an invalid trigger (naming the path) and an account the user may not use', async () => {
    const invalid = await admin.post('/api/widgets/journeys', { name: 'x', trigger: trigger({ match: { operator: 'contains', text: '' } }) });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.errors.map((e) => e.field), ['trigger.match.text']);
    const marketer = await signIn(app, 'marketer');
    const forbidden = await marketer.post('/api/widgets/journeys', { name: 'x', trigger: trigger({ appid: APPIDS.demo }) });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.code, 'FORBIDDEN_ACCOUNT');
    assert.equal((await admin.get('/api/widgets/journeys/nope/entries')).status, 404);
  });
});
