/**
 * A short article and two of its passages, reworded the way Gloss cannot be sure of: each
 * rewording leaves its highlight "needing review". Shared by the end-to-end tests of review.
 */
export const WEATHER = [
  '# Weather notes',
  'Rain falls mostly in autumn, when the westerly winds bring clouds in from the ocean and the valley fills with fog for days.',
  'Summer is dry, and by the end of August the rivers run low enough to cross on foot without wetting a knee.',
].join('\n\n');
export const WINDS = 'the westerly winds bring clouds in from the ocean';
export const WINDS_NOW = 'the western winds carry clouds in off the ocean';
export const RIVERS = 'the rivers run low enough to cross on foot';
export const RIVERS_NOW = 'the rivers run shallow enough to walk across on foot';
