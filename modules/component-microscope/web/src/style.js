// The module's styles, scoped under .nsm; colours from the shell's theme tokens when present (CSS variables).
export const STYLE = `
.nsm { --bg: var(--nslab-background, #0a0e27); --fg: var(--nslab-text, #e8f4f8); --primary: var(--nslab-primary, #00d4ff);
  --success: var(--nslab-success, #00ff88); --warning: var(--nslab-warning, #ffaa00);
  background: var(--bg); color: var(--fg); font: 14px/1.4 var(--nslab-font-display, system-ui, sans-serif); padding: 12px; }
.nsm h2 { margin: 0 0 8px; color: var(--primary); }
.nsm h3 { margin: 16px 0 6px; font-size: 15px; }
.nsm button { font: inherit; color: var(--fg); background: #151b3d; border: 1px solid #2c3566; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
.nsm button:focus-visible, .nsm td:focus-visible, .nsm textarea:focus-visible, .nsm select:focus-visible, .nsm input:focus-visible {
  outline: 3px solid var(--warning); outline-offset: 1px; }
.nsm button[aria-pressed="true"], .nsm button[aria-checked="true"], .nsm button[aria-selected="true"] { border-color: var(--primary); background: #0d3550; }
.nsm-prompt { display: flex; gap: 8px; align-items: flex-start; }
.nsm-prompt textarea { flex: 1; font: 14px var(--nslab-font-mono, monospace); background: #0f1433; color: var(--fg); border: 1px solid #2c3566; }
.nsm-help, .nsm-status { color: #b8c7d0; margin: 4px 0; }
.nsm-tabs { display: flex; gap: 4px; margin: 8px 0; flex-wrap: wrap; }
.nsm-controls { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; margin: 8px 0; }
.nsm-control { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.nsm-label { font-weight: 600; }
.nsm-tokens { display: flex; flex-wrap: wrap; gap: 2px; max-width: 100%; }
.nsm-token { font-family: var(--nslab-font-mono, monospace) !important; white-space: pre;
  box-shadow: inset 0 -4px 0 rgba(255, 170, 0, calc(var(--w, 0) * 1)); }
.nsm-stage { margin: 0; }
.nsm-canvas-box { position: relative; width: 100%; max-width: 1280px; aspect-ratio: 16 / 9; }
.nsm-canvas-box canvas { width: 100%; height: 100%; display: block; }
.nsm-overlay { position: absolute; inset: 0; overflow: hidden; pointer-events: none; }
.nsm-caption { color: #b8c7d0; }
.nsm-details { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
.nsm-details dt { font-weight: 600; }
.nsm-details dd { margin: 0; font-family: var(--nslab-font-mono, monospace); }
.nsm-table-box { overflow: auto; max-height: 420px; content-visibility: auto; contain-intrinsic-size: auto 420px; }
.nsm-table { border-collapse: collapse; font: 12px var(--nslab-font-mono, monospace); }
.nsm-table th, .nsm-table td { border: 1px solid #222a55; padding: 2px 4px; text-align: right; white-space: pre; }
.nsm-table tr[aria-selected="true"] th { color: var(--primary); }
.nsm-gallery { display: grid; grid-template-columns: repeat(var(--heads, 4), minmax(120px, 1fr)); gap: 6px; }
.nsm-multihead { display: flex; gap: 8px; flex-wrap: wrap; }
.nsm-thumb-button { display: flex !important; flex-direction: column; align-items: center; gap: 4px; padding: 4px !important; }
.nsm-thumb, .nsm-thumb-big { image-rendering: pixelated; width: 96px; height: 96px; }
.nsm-thumb-big { width: 160px; height: 160px; }
.nsm-thumb-label { font-size: 12px; }
.nsm-snippets mark { background: var(--warning); color: #000; }
.nsm-activation { font-family: var(--nslab-font-mono, monospace); color: var(--success); }
.nsm-live { min-height: 1.4em; }
@media (prefers-reduced-motion: reduce) { .nsm * { transition: none !important; animation: none !important; } }
`;
