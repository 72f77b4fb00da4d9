// The browser build of `qrcode` (canvas and SVG; no Node streams). Its types are the package's.
declare module 'qrcode/lib/browser' {
  export * from 'qrcode';
}
