/**
 * Theme tokens of the Neural Synthesis Laboratory. The shell passes these (possibly adjusted for
 * high contrast) as `host.theme`; modules read them instead of hard-coding colours.
 */
export const PALETTE = Object.freeze({
  background: '#0a0e27', // deep space
  primary: '#00d4ff',    // electric blue
  success: '#00ff88',    // neon green
  warning: '#ffaa00',    // amber
  text: '#e8f4f8',       // soft white
});

export const HIGH_CONTRAST_PALETTE = Object.freeze({
  background: '#000000',
  primary: '#4de8ff',
  success: '#66ffb3',
  warning: '#ffc94d',
  text: '#ffffff',
});

/** @returns {import('./index.js').Theme} */
export function themeTokens({ highContrast = false } = {}) {
  return Object.freeze({
    colors: highContrast ? HIGH_CONTRAST_PALETTE : PALETTE,
    fonts: Object.freeze({ display: "'Space Grotesk', system-ui, sans-serif", mono: "'JetBrains Mono', ui-monospace, monospace" }),
    highContrast,
  });
}
