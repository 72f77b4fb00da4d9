// Served alone (ng serve channel-allocation): load the shared packages from our own remoteEntry.json first.
import { initFederation } from '@angular-architects/native-federation';

initFederation()
  .then(() => import('./bootstrap'))
  .catch((error: unknown) => console.error(error));
