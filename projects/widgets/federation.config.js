// Native Federation config of the widgets module: the demo host pages (./lifecycles, a single-spa
// application) and one entry per widget parcel for the host suite (docs/integrator-guide.md).
module.exports = require('../../federation.shared.js')('widgets', {
  './lifecycles': './projects/widgets/src/lifecycles.ts',
  './account-picker': './projects/widgets/src/account-picker/account-picker.parcel.ts',
  './segment-conditions': './projects/widgets/src/segment-conditions/segment-conditions.parcel.ts',
  './journey-trigger': './projects/widgets/src/journey-trigger/journey-trigger.parcel.ts',
  './material-picker': './projects/widgets/src/material-picker/material-picker.parcel.ts',
});
