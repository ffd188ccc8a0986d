// What the Component Microscope shows: its views (the course components they cover), their quizzes, the view size.

export const MODULE_ID = 'component-microscope';

export const COMPONENTS = Object.freeze([
  { id: 'attention', title: 'Attention' },
  { id: 'feed-forward', title: 'Feed-forward network' },
  { id: 'normalization', title: 'LayerNorm & residual stream' },
  { id: 'positions', title: 'Positions' },
]);

// Each view ends with the quizzes of the course components it covers (content/quizzes/components.yaml).
export const QUIZZES = Object.freeze({
  attention: [['quiz-component-attention', 'Attention']],
  'feed-forward': [['quiz-component-feed-forward', 'Feed-forward network']],
  normalization: [['quiz-component-normalization', 'Normalization'], ['quiz-component-residual-stream', 'The residual stream']],
  positions: [['quiz-component-positions', 'Position information']],
});

// Course component ids (deep links) → the view that shows them.
export const VIEW_OF = Object.freeze({ 'residual-stream': 'normalization' });

export const VIEW_WIDTH = 1280;

export const VIEW_HEIGHT = 720;

export const fmt = (x, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
