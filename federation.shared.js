// One federation config for every module, so all of them share the same packages the same way:
// exact versions (strictVersion), one copy (singleton), and nothing that no module uses.
const { withNativeFederation, shareAll } = require('@angular-architects/native-federation/config');

/**
 * @param {string} name the remote's name, as the manifest's `remotes` key uses it
 * @param {Record<string, string>} exposes one entry per single-spa application or parcel
 */
module.exports = function moduleFederationConfig(name, exposes) {
  return withNativeFederation({
    name,
    exposes,
    shared: {
      ...shareAll({ singleton: true, strictVersion: true, requiredVersion: 'auto' }),
    },
    // Our shared libraries are bundled into each module (tree-shaken); the runtime state they
    // share (the account context) travels as an object in single-spa props, not as a module.
    sharedMappings: [],
    skip: [
      'rxjs/ajax',
      'rxjs/fetch',
      'rxjs/testing',
      'rxjs/webSocket',
      // Material and the CDK are bundled (tree-shaken) into each module instead: Native Federation
      // builds a package's secondary entry points together with internal chunks, so entries shared
      // by different remotes brought two copies of Material's internals (MatFormField broke).
      // See docs/adr/0004.
      /^@angular\/material(\/|$)/,
      /^@angular\/cdk(\/|$)/,
      // Used only by the shell (bundled there) or by tests and tools.
      'single-spa',
      'single-spa-layout',
      '@softarc/native-federation-runtime',
    ],
    features: { ignoreUnusedDeps: true },
  });
};
