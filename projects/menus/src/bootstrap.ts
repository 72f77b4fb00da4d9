import { bootstrapStandalone } from '@wechat-mfe/ui';
import { app } from './app';

bootstrapStandalone(app).catch((error: unknown) => console.error(error));
