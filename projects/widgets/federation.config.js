// Native Federation config of the widgets module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('widgets', {
  './lifecycles': './projects/widgets/src/lifecycles.ts',
});
