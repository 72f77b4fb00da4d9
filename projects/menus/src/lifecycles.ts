// The single-spa application the shell mounts (exposed as ./lifecycles).
import { angularLifecycles } from '@wechat-mfe/ui';
import { app } from './app';

export const { bootstrap, mount, unmount } = angularLifecycles(app);
