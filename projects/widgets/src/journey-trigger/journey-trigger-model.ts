import { EVENTS, LIMITS, type SegmentProblem, type WechatEvent } from '../segment-conditions/model';

/** "When WeChat event `event` happens on account `appid`": the value of the journey trigger widget. */
export interface JourneyTrigger {
  readonly version: 1;
  readonly type: 'wechatEvent';
  readonly appid: string;
  readonly event: WechatEvent;
  /** scannedQrCode: one code of the account; absent: any code. */
  readonly qrCodeId?: number;
  /** clickedMenu: a click button's key or a view button's url; absent: any button. */
  readonly menuKey?: string;
  /** sentMessage: the text message contains / equals this text; absent: any message. */
  readonly match?: { readonly operator: 'contains' | 'equals'; readonly text: string };
}

/** Reads a trigger the host passes in (or null); the fields are checked by `validateTrigger`. */
export function toTrigger(value: unknown): JourneyTrigger | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return v['type'] === 'wechatEvent' ? ({ ...v, version: 1 } as unknown as JourneyTrigger) : null;
}

/** The trigger's problems, with the server's paths (`trigger.match.text`) and the segment editor's message keys. */
export function validateTrigger(trigger: JourneyTrigger): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  if (!trigger.appid) problems.push({ path: 'trigger.appid', key: 'noAccount' });
  if (!(EVENTS as readonly string[]).includes(trigger.event)) problems.push({ path: 'trigger.event', key: 'event' });
  const text = trigger.match?.text ?? '';
  if (trigger.match && (text.trim().length === 0 || text.length > LIMITS.text)) {
    problems.push({ path: 'trigger.match.text', key: 'text', params: { max: LIMITS.text } });
  }
  return problems;
}
