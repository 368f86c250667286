/** The fixed start of every test's virtual clock. */
export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
