/**
 * The layout every state panel shares (loading, empty, error, not bound, no permission, type
 * unavailable). Plain CSS rather than Sass so that no component stylesheet has to load Material's
 * Sass; the spacing matches theme/_tokens.scss and colours come from the theme's `--mat-sys-*`.
 */
export const STATE_STYLES = `
:host {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 0.75rem;
  padding: 3rem 1.5rem;
  text-align: center;
  color: var(--mat-sys-on-surface);
}
.wx-state-title {
  margin: 0;
  font: var(--mat-sys-title-large);
  color: var(--mat-sys-on-surface);
}
.wx-state-text {
  margin: 0;
  max-width: 40rem;
  font: var(--mat-sys-body-medium);
  color: var(--mat-sys-on-surface-variant);
}
.wx-state-actions {
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  gap: 0.5rem;
  margin-top: 0.5rem;
}
.wx-state-actions:empty {
  display: none;
}
`;
