import helmet from 'helmet';

/**
 * The CSP of the pages store-api serves itself (API docs, the storefront): everything from our own
 * origin, inline style attributes allowed (Swagger UI and the shop's swatch colours set them).
 * Unlike helmet's default it has no `upgrade-insecure-requests`, which would break a page served
 * on plain http://127.0.0.1.
 */
export const sameOriginCsp = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});
