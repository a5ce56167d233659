import {
  type ImageRenditionWidth,
  idParam,
  imageFileParams,
  productImage,
  updateImageBody,
  uploadImageQuery,
} from '@shoebox/shared/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { defineRoute, SENT } from '../../http/route.ts';
import type { ImagesService } from './images.service.ts';

export const imagesRoutes = (images: ImagesService) => [
  defineRoute({
    method: 'post',
    path: '/admin/products/:id/images',
    summary:
      'Upload a product image: the body is the file (JPEG, PNG, WebP or AVIF, checked from its bytes), re-encoded to WebP renditions',
    tag: 'Catalog',
    access: 'catalog:write',
    bodyKind: 'raw',
    params: idParam,
    query: uploadImageQuery,
    response: productImage,
    status: 201,
    errors: [
      'PRODUCT_NOT_FOUND',
      'IMAGE_REQUIRED',
      'IMAGE_TYPE_UNSUPPORTED',
      'IMAGE_UNREADABLE',
      'IMAGE_TOO_SMALL',
      'IMAGE_TOO_LARGE_DIMENSIONS',
      'PAYLOAD_TOO_LARGE',
    ],
    handler: (ctx, { params, query, raw }) => images.upload(ctx, params.id, raw, query.alt),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/products/:id/images',
    summary: "A product's images in display order (position 0 is the main image)",
    tag: 'Catalog',
    access: 'catalog:read',
    params: idParam,
    response: z.array(productImage),
    errors: ['PRODUCT_NOT_FOUND'],
    handler: (_ctx, { params }) => images.listForProduct(params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/admin/images/:id',
    summary: "Change an image's alt text or move it to another position (the others shift)",
    tag: 'Catalog',
    access: 'catalog:write',
    params: idParam,
    body: updateImageBody,
    response: productImage,
    errors: ['IMAGE_NOT_FOUND'],
    handler: (ctx, { params, body }) => images.update(ctx, params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/admin/images/:id',
    summary: 'Delete an image and its files; the images after it move up',
    tag: 'Catalog',
    access: 'catalog:write',
    params: idParam,
    status: 204,
    errors: ['IMAGE_NOT_FOUND'],
    handler: (ctx, { params }) => images.remove(ctx, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/media/images/:id/:file',
    summary: 'An image rendition (`320.webp`, `640.webp`, `1280.webp`): immutable, cacheable for a year',
    tag: 'Media',
    access: 'public',
    params: imageFileParams,
    otherAnswers: [{ status: 304, description: 'Not modified: If-None-Match names its ETag.' }],
    errors: ['IMAGE_NOT_FOUND'],
    handler: async (_ctx, { params, req, res }) => {
      const width = Number.parseInt(params.file, 10) as ImageRenditionWidth;
      // The bytes behind a URL never change (a new upload gets a new id), so id and width are the tag.
      const etag = `"${params.id}-${width}"`;
      const notModified = ifNoneMatch(req, etag);
      const bytes = await images.file(params.id, width, !notModified);
      sendImmutable(res, etag, bytes);
      return SENT;
    },
  }),
];

/** RFC 9110 If-None-Match: weak comparison against a list of tags, or `*`. */
function ifNoneMatch(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** `bytes` null means the client's copy is current: 304 with the validators and no body. */
function sendImmutable(res: Response, etag: string, bytes: Buffer | null): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  // The storefront runs on another origin: let it embed the files (helmet defaults to same-origin).
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!bytes) {
    res.status(304).end();
    return;
  }
  res.status(200).type('image/webp').setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
