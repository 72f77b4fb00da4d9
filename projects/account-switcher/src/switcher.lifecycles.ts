// The header switcher, mounted by the shell on every /wechat, /settings and /host route (exposed as ./switcher).
import { angularLifecycles } from '@wechat-mfe/ui';
import { switcherApp } from './switcher/switcher.app';

export const { bootstrap, mount, unmount } = angularLifecycles(switcherApp);
