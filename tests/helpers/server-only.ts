// Stand-in for the `server-only` package in Vitest (aliased in vitest.config.mts).
export {};
