/**
 * `GET /openapi.json` (the generated document, built once per process) and `GET /docs` (Swagger
 * UI from the swagger-ui-dist package in node_modules: no CDN, works offline). Neither is part of
 * the API contract, so neither is declared with defineRoute nor listed in the document.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';
import { sameOriginCsp as docsCsp } from '../same-origin-csp.ts';
import type { RouteSpec } from '../route.ts';
import { buildOpenApi } from './generate.ts';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Shoebox API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// An external file rather than an inline script, so the CSP needs no 'unsafe-inline' for scripts.
const init = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    displayOperationId: true,
    displayRequestDuration: true,
    filter: true,
    validatorUrl: null,
  });
});
`;

/** Mounts /openapi.json, /docs, /docs/init.js and /docs/assets/* on `router`. */
export function mountApiDocs(router: Router, routes: readonly RouteSpec[]): void {
  let json: string | undefined;
  router.get('/openapi.json', (_req, res) => {
    json ??= JSON.stringify(buildOpenApi(routes));
    res.setHeader('Cache-Control', 'no-cache');
    res.type('application/json').send(json);
  });
  router.get('/docs', docsCsp, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript').send(init);
  });
  router.use('/docs/assets', express.static(swaggerUiDir, { index: false, maxAge: '1d', fallthrough: true }));
}
