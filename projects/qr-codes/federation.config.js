// Native Federation config of the qr-codes module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('qr-codes', {
  './lifecycles': './projects/qr-codes/src/lifecycles.ts',
});
