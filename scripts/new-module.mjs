// `npm run new-module -- <name> --route /wechat/<path> --zh 标题 --en Title`: adds a federated module in
// one step: the project folder (a gated starting page in both languages), its angular.json entry and
// its applications.json. `npm start` then builds it and the shell mounts it at the route.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build/workspace.mjs';

const [name, ...rest] = process.argv.slice(2);
const option = (flag) => {
  const index = rest.indexOf(flag);
  return index >= 0 ? rest[index + 1] : undefined;
};
const route = option('--route');
const zh = option('--zh');
const en = option('--en');
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !route?.startsWith('/') || !zh || !en) {
  console.error('usage: npm run new-module -- <kebab-name> --route /wechat/<path> --zh <中文标题> --en <English title>');
  process.exit(2);
}
const root = path.join(ROOT, 'projects', name);
if (fs.existsSync(root)) {
  console.error(`projects/${name} exists already`);
  process.exit(2);
}

const workspaceFile = path.join(ROOT, 'angular.json');
const workspace = JSON.parse(fs.readFileSync(workspaceFile, 'utf8'));
const template = workspace.projects.menus;
const ports = Object.values(workspace.projects).map((p) => p.architect?.['serve-original']?.options?.port ?? 0);
const project = JSON.parse(JSON.stringify(template).replaceAll('projects/menus', `projects/${name}`).replaceAll('modules/menus', `modules/${name}`).replaceAll('dev/menus', `dev/${name}`).replaceAll('menus:', `${name}:`));
project.architect['serve-original'].options.port = Math.max(...ports) + 1;
workspace.projects[name] = project;

const selector = `wx-${name}-root`;
const component = name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase()) + 'Page';
const files = {
  'federation.config.js': `// Native Federation config of the ${name} module: what it exposes; sharing rules are common to all modules.\nmodule.exports = require('../../federation.shared.js')('${name}', {\n  './lifecycles': './projects/${name}/src/lifecycles.ts',\n});\n`,
  'applications.json': JSON.stringify([{ name, exposed: './lifecycles', slot: 'main', routes: [route] }], null, 2) + '\n',
  'tsconfig.app.json': JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { outDir: '../../dist/out-tsc/app', types: [] }, files: ['src/main.ts', 'src/lifecycles.ts'], include: ['src/**/*.d.ts'] }, null, 2) + '\n',
  'public/.gitkeep': '',
  'src/index.html': `<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="utf-8" />\n    <title>${en} (served alone)</title>\n    <base href="/" />\n  </head>\n  <body>\n    <main><${selector}></${selector}></main>\n  </body>\n</html>\n`,
  'src/main.ts': `// Served alone (ng serve ${name}): load the shared packages from our own remoteEntry.json first.\nimport { initFederation } from '@angular-architects/native-federation';\n\ninitFederation()\n  .then(() => import('./bootstrap'))\n  .catch((error: unknown) => console.error(error));\n`,
  'src/bootstrap.ts': `import { bootstrapStandalone } from '@wechat-mfe/ui';\nimport { app } from './app';\n\nbootstrapStandalone(app).catch((error: unknown) => console.error(error));\n`,
  'src/lifecycles.ts': `// The single-spa application the shell mounts (exposed as ./lifecycles).\nimport { angularLifecycles } from '@wechat-mfe/ui';\nimport { app } from './app';\n\nexport const { bootstrap, mount, unmount } = angularLifecycles(app);\n`,
  'src/app.ts': `import type { AngularAppOptions } from '@wechat-mfe/ui';\nimport { provideModuleI18n } from '@wechat-mfe/ui';\nimport { provideSuiteClient } from '@wechat-mfe/suite-api';\nimport { ${component} } from './page/${name}-page';\n\nexport const app: AngularAppOptions = {\n  rootSelector: '${selector}',\n  rootComponent: ${component},\n  providers: ({ context, apiBase }) => [\n    provideModuleI18n({ context, translations: { 'zh-CN': () => import('./i18n/zh-CN.json'), en: () => import('./i18n/en.json') } }),\n    provideSuiteClient(apiBase),\n  ],\n};\n`,
  [`src/page/${name}-page.ts`]: `import { ChangeDetectionStrategy, Component } from '@angular/core';\nimport { TranslocoPipe } from '@jsverse/transloco';\nimport { AccountGate, AccountReady } from '@wechat-mfe/ui';\n\n/** The ${en} page of the selected account. */\n@Component({\n  selector: 'wx-${name}-page',\n  imports: [AccountGate, AccountReady, TranslocoPipe],\n  changeDetection: ChangeDetectionStrategy.OnPush,\n  template: \`\n    <h1>{{ 'title' | transloco }}</h1>\n    <wx-account-gate>\n      <ng-template wxAccountReady let-account>\n        <p>{{ account.name }}</p>\n      </ng-template>\n    </wx-account-gate>\n  \`,\n})\nexport class ${component} {}\n`,
  'src/i18n/zh-CN.json': JSON.stringify({ title: zh }, null, 2) + '\n',
  'src/i18n/en.json': JSON.stringify({ title: en }, null, 2) + '\n',
};
for (const [file, content] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}
fs.writeFileSync(workspaceFile, JSON.stringify(workspace, null, 2) + '\n');
console.log(`created projects/${name} (route ${route}); add a navigation link in shell/src/chrome.ts if it needs one`);
