// The module's styles (scoped under .nslab-jm, colours from the host's theme tokens) and the station icons.

export const CSS = `
.nslab-jm { --jm-panel: 360px; color: var(--jm-text); background: var(--jm-bg); font-family: var(--jm-font); min-height: 100%;
  box-sizing: border-box; padding: 12px; }
.nslab-jm *, .nslab-jm *::before, .nslab-jm *::after { box-sizing: inherit; }
.nslab-jm .jm-title { margin: 0 0 8px; font-size: 1.25rem; color: var(--jm-primary); }
.nslab-jm .jm-main { display: grid; grid-template-columns: minmax(0, 1fr) var(--jm-panel); gap: 12px; }
.nslab-jm .jm-stage { position: relative; min-height: 420px; height: 70vh; overflow: hidden; border-radius: 8px; background: #000; }
.nslab-jm .jm-canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.nslab-jm .jm-overlay, .nslab-jm .jm-stations { position: absolute; inset: 0; pointer-events: none; }
.nslab-jm .jm-branch-label { position: absolute; transform: translate(-50%, -100%); font-size: 12px; white-space: nowrap; text-shadow: 0 0 3px #000; }
.nslab-jm .jm-station { position: absolute; transform: translate(-50%, -100%); pointer-events: auto; display: flex; gap: 6px; align-items: center;
  font: inherit; font-size: 14px; color: var(--jm-text); background: rgba(10,14,39,.72); border: 1px solid rgba(0,212,255,.45);
  border-radius: 999px; padding: 4px 10px 4px 6px; cursor: pointer; white-space: nowrap; }
.nslab-jm .jm-station:hover, .nslab-jm .jm-station.jm-selected { border-color: var(--jm-primary); box-shadow: 0 0 10px var(--jm-primary); }
.nslab-jm .jm-station:focus-visible, .nslab-jm button:focus-visible, .nslab-jm input:focus-visible, .nslab-jm select:focus-visible {
  outline: 3px solid var(--jm-warning); outline-offset: 2px; }
.nslab-jm .jm-station.jm-offscreen { opacity: .5; }
.nslab-jm .jm-icon svg { width: 18px; height: 18px; display: block; stroke: var(--jm-primary); fill: none; stroke-width: 2; }
.nslab-jm .jm-panel { display: flex; flex-direction: column; gap: 12px; max-height: 70vh; overflow: auto; }
.nslab-jm .jm-panel section, .nslab-jm .jm-panel fieldset { border: 1px solid rgba(232,244,248,.18); border-radius: 8px; padding: 8px 12px; margin: 0; }
.nslab-jm h3 { margin: 4px 0 6px; font-size: 1rem; color: var(--jm-primary); }
.nslab-jm dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0; }
.nslab-jm dt { opacity: .8; } .nslab-jm dd { margin: 0; font-family: var(--jm-mono); font-size: .9em; }
.nslab-jm .jm-meter { display: inline-flex; gap: 2px; vertical-align: middle; }
.nslab-jm .jm-meter span { width: 10px; height: 10px; border-radius: 2px; border: 1px solid var(--jm-warning); }
.nslab-jm .jm-meter .on { background: var(--jm-warning); }
.nslab-jm button { font: inherit; color: var(--jm-bg); background: var(--jm-primary); border: 0; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.nslab-jm .jm-missing ul { margin: 4px 0; padding-left: 18px; } .nslab-jm .jm-missing button { background: none; color: var(--jm-primary); text-decoration: underline; padding: 0; }
.nslab-jm .jm-branch label { display: block; margin: 2px 0; }
.nslab-jm .jm-cost-form { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
.nslab-jm .jm-cost-form label { display: flex; flex-direction: column; font-size: .85em; }
.nslab-jm .jm-cost-form input, .nslab-jm .jm-cost-form select { font: inherit; background: #11163a; color: var(--jm-text); border: 1px solid rgba(232,244,248,.3); border-radius: 4px; padding: 3px; }
.nslab-jm .jm-errors { color: var(--jm-warning); }
.nslab-jm .jm-timeline-bar { display: flex; gap: 2px; height: 8px; margin: 4px 0; }
.nslab-jm .jm-seg { border-radius: 2px; } .nslab-jm .jm-seg-real { background: var(--jm-success); }
.nslab-jm .jm-seg-text { background: repeating-linear-gradient(45deg, #3a4a80 0 4px, transparent 4px 8px); }
.nslab-jm .jm-scrubber { width: 100%; }
.nslab-jm .jm-text { margin-top: 12px; } .nslab-jm .jm-text-list li { margin-bottom: 12px; }
.nslab-jm .jm-text-toggle { margin-top: 8px; }
.nslab-jm .jm-fallback { padding: 16px; }
.nslab-jm.jm-high-contrast .jm-station { background: #000; border: 2px solid #fff; }
.nslab-jm.jm-high-contrast .jm-panel section, .nslab-jm.jm-high-contrast .jm-panel fieldset { border: 2px solid #fff; }
.nslab-jm.jm-high-contrast dt { opacity: 1; }
@media (max-width: 900px) { /* tablet: the panel becomes a sheet under the map */
  .nslab-jm .jm-main { grid-template-columns: 1fr; } .nslab-jm .jm-stage { height: 55vh; min-height: 320px; }
  .nslab-jm .jm-panel { max-height: none; } }
@media (max-width: 600px) { /* mobile: compact station chips, the form in one column */
  .nslab-jm .jm-stage { height: 45vh; min-height: 260px; } .nslab-jm .jm-station-name { font-size: 12px; }
  .nslab-jm .jm-cost-form { grid-template-columns: 1fr; } }
@media (prefers-reduced-motion: reduce) { .nslab-jm * { transition: none !important; animation: none !important; } }
`;

const svg = (body) => `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;
export const ICONS = {
  database: svg('<ellipse cx="12" cy="5" rx="8" ry="3"/><path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5"/><path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"/>'),
  filter: svg('<path d="M3 4h18l-7 8v7l-4 2v-9z"/>'),
  blueprint: svg('<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M3 9h18M9 21V9"/>'),
  gym: svg('<path d="M6 8v8M18 8v8M3 10v4M21 10v4M6 12h12"/>'),
  gauge: svg('<path d="M4 18a8 8 0 1 1 16 0"/><path d="M12 18l4-6"/>'),
  rocket: svg('<path d="M12 2c4 3 5 8 3 13H9C7 10 8 5 12 2z"/><path d="M9 15l-3 4 4-1M15 15l3 4-4-1"/><circle cx="12" cy="9" r="1.5"/>'),
  default: svg('<circle cx="12" cy="12" r="8"/>'),
};
