/** The text field style of the producer's list pages (block list, regulars, call history). */
export const FIELD_CLASS = 'min-h-11 rounded-md border border-studio-600 bg-studio-800 px-3';
