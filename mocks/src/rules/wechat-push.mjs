/**
 * Reads a WeChat push (the JSON twin of WeChat's XML) the way the suite reacts to it.
 * @returns {{ kind: 'subscribe' | 'unsubscribe' | 'other', type: string, openid: string,
 *             createdAtSeconds: number, scene?: string, qrScene?: string | null }}
 */
export function interpretPush(push, nowSeconds) {
  const createdAtSeconds = push.CreateTime ?? nowSeconds;
  const type = (push.MsgType === 'event' ? push.Event ?? 'event' : push.MsgType).toLowerCase();
  const base = { type, openid: push.FromUserName, createdAtSeconds };
  if (type === 'subscribe') {
    // A follow through a parametric QR code arrives with EventKey "qrscene_<scene>".
    const qr = /^qrscene_(.+)$/.exec(push.EventKey ?? '');
    return qr
      ? { ...base, kind: 'subscribe', scene: 'ADD_SCENE_QR_CODE', qrScene: qr[1] }
      : { ...base, kind: 'subscribe', scene: 'ADD_SCENE_OTHERS', qrScene: null };
  }
  if (type === 'unsubscribe') return { ...base, kind: 'unsubscribe' };
  return { ...base, kind: 'other' };
}
