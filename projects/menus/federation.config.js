// Native Federation config of the menus module: what it exposes; sharing rules are common to all modules.
module.exports = require('../../federation.shared.js')('menus', {
  './lifecycles': './projects/menus/src/lifecycles.ts',
});
