// Native Federation config of the channel-allocation module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('channel-allocation', {
  './lifecycles': './projects/channel-allocation/src/lifecycles.ts',
});
