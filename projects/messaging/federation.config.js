// Native Federation config of the messaging module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('messaging', {
  './lifecycles': './projects/messaging/src/lifecycles.ts',
});
