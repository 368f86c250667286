/** The `source` of every event the router publishes (its own module: readers need it without the SDK). */
export const EVENT_SOURCE = 'unified-routing';
