// Trunk's post-build hook. Trunk runs the hooks of one stage at the same time, and every step
// rewrites index.html, so they run here one after the other: ECharts' script tag becomes a meta
// tag, Trunk's loader gives way to the choice of app, then the CSP gets the hash of the one
// inline script that is left.
await import('./lazy-echarts.mjs');
await import('./choose-app.mjs');
await import('./csp-hash.mjs');
