import { mapStackTracesLazily } from './stack-traces';

// Injected first into every function's bundle (lib/bundling/handler-bundle.ts): `__filename` is the bundle itself.
mapStackTracesLazily(__filename);
