import { AccountList, SuiteUser, WechatAccount } from './models';
import { KeyValueStore, TabChannel } from './persistence';

/** Builders shared by this library's specs (not exported from the public API). */
export function account(appid: string, patch: Partial<WechatAccount> = {}): WechatAccount {
  return {
    appid,
    originalId: `gh_${appid}`,
    name: `Account ${appid}`,
    avatarUrl: `/avatars/${appid}.svg`,
    type: 'service',
    verified: true,
    permissions: ['message'],
    status: 'authorized',
    ...patch,
  };
}

export function user(id: string, patch: Partial<SuiteUser> = {}): SuiteUser {
  return { id, username: id, name: id, role: 'member', department: { id: 'd1', name: 'Marketing' }, ...patch };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => (key in data ? data[key] : null),
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

/** Two or more in-memory tabs connected like a BroadcastChannel (no echo to the sender). */
export function channelHub(): () => TabChannel & { sent: unknown[] } {
  const members: (TabChannel & { sent: unknown[] })[] = [];
  return () => {
    const channel: TabChannel & { sent: unknown[] } = {
      sent: [],
      onmessage: null,
      postMessage(message) {
        channel.sent.push(message);
        for (const other of members) {
          if (other !== channel) other.onmessage?.({ data: structuredClone(message) } as MessageEvent);
        }
      },
      close() {
        members.splice(members.indexOf(channel), 1);
      },
    };
    members.push(channel);
    return channel;
  };
}

export function list(items: WechatAccount[], totalBound = items.length): AccountList {
  return { items, totalBound };
}
