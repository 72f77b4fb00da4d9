// Native Federation config of the fans module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('fans', {
  './lifecycles': './projects/fans/src/lifecycles.ts',
});
