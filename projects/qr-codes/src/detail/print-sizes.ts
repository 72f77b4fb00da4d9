/** Print sizes marketers order (edge of the square, cm), rendered at 300 dpi. */
export const PRINT_SIZES_CM = [8, 12, 15, 30, 50] as const;
export const PRINT_DPI = 300;

/** Pixels of a print size at 300 dpi: 8 cm → 945 px. */
export const printPixels = (cm: number, dpi = PRINT_DPI): number => Math.round((cm / 2.54) * dpi);

/** A file name that says what the file is: `qrcode-store_bj_01-8cm-945px.png`. */
export function downloadName(scene: string, suffix: string): string {
  const safe = scene.replace(/[^\w.-]+/g, '_').slice(0, 40) || 'scene';
  return `qrcode-${safe}-${suffix}`;
}
