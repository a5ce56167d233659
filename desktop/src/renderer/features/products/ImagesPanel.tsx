/**
 * A product's images: drop files on the panel (or pick them), put them in order, give each an
 * alt text, delete one after confirming. Files go to the backend as base64 within the contract's
 * 10 MB; the shop server checks the bytes and makes the renditions. Needs the shop server.
 */
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Paper,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { DomainError } from '@shoebox/shared';
import { type DragEvent, useRef, useState } from 'react';
import { type EditorImage, IMAGE_MAX_BYTES } from '../../../ipc/index.ts';
import { ErrorState, LoadingSkeleton } from '../../components/ScreenState.tsx';
import { useBackend } from '../../lib/backend.tsx';
import { useInvoke } from '../../lib/use-invoke.ts';
import { needsConnection } from './use-online.ts';

const accepted = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'];

/** The file's bytes as base64 (without the data: prefix). */
export const fileToBase64 = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

export function ImagesPanel({
  productId,
  productName,
  online,
}: {
  productId: string;
  productName: string;
  online: boolean;
}) {
  const backend = useBackend();
  const images = useInvoke('products.images', { productId });
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<DomainError | null>(null);
  const [uploading, setUploading] = useState(0);
  const [over, setOver] = useState(false);
  const [deleting, setDeleting] = useState<EditorImage | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const act = async (call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
    } catch (e) {
      setFailure(e as DomainError);
    }
    images.reload();
  };

  const upload = async (files: File[]) => {
    setProblem(null);
    const refused = files.filter((f) => !accepted.includes(f.type) || f.size > IMAGE_MAX_BYTES);
    if (refused.length > 0)
      setProblem(
        `${refused.map((f) => f.name).join(', ')}: only JPEG, PNG, WebP or AVIF files up to ${IMAGE_MAX_BYTES / 1024 / 1024} MB.`,
      );
    const good = files.filter((f) => !refused.includes(f));
    if (good.length === 0) return;
    setUploading(good.length);
    await act(async () => {
      for (const file of good) {
        const alt = file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
        await backend.invoke('products.uploadImage', {
          productId,
          dataBase64: await fileToBase64(file),
          alt,
        });
      }
    });
    setUploading(0);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!online) return setProblem(needsConnection);
    void upload([...e.dataTransfer.files]);
  };

  const list = images.status === 'ready' ? images.data : [];
  return (
    <Paper sx={{ p: 2 }} data-testid="images-panel">
      <Typography variant="h2" sx={{ mb: 1 }}>
        Images
      </Typography>
      <Box
        data-testid="image-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        sx={{
          border: '2px dashed',
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'action.hover' : 'transparent',
          borderRadius: 1,
          p: 2,
          textAlign: 'center',
          mb: 1.5,
        }}
      >
        <Typography>
          {uploading > 0 ? `Uploading ${uploading} file(s)…` : 'Drop JPEG, PNG, WebP or AVIF files here, or'}{' '}
          <Button size="small" disabled={!online || uploading > 0} onClick={() => picker.current?.click()}>
            choose files
          </Button>
        </Typography>
        <input
          ref={picker}
          type="file"
          accept={accepted.join(',')}
          multiple
          hidden
          aria-label="Image files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void upload(files);
          }}
        />
      </Box>
      {!online && <Alert severity="warning">{needsConnection}</Alert>}
      {problem && <Alert severity="error">{problem}</Alert>}
      {failure && <ErrorState error={failure} />}
      {images.status === 'loading' && <LoadingSkeleton rows={2} label="Loading images" />}
      {images.status === 'error' && <ErrorState error={images.error} onRetry={images.reload} />}
      {images.status === 'ready' && list.length === 0 && (
        <Typography color="text.secondary">
          No images yet. The first one is the main image in the shop.
        </Typography>
      )}
      <Stack spacing={1} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {list.map((img, i) => (
          <Stack
            key={img.id}
            component="li"
            direction="row"
            spacing={1.5}
            sx={{ alignItems: 'center' }}
            data-testid="image-row"
          >
            <Box
              sx={{
                width: 72,
                height: 72,
                bgcolor: 'grey.100',
                borderRadius: 1,
                overflow: 'hidden',
                flexShrink: 0,
              }}
            >
              {img.thumbnail && (
                <img
                  src={img.thumbnail}
                  alt={img.alt}
                  width={72}
                  height={72}
                  style={{ objectFit: 'cover' }}
                />
              )}
            </Box>
            <Typography variant="body2" sx={{ width: 64 }}>
              {i === 0 ? 'Main' : `No. ${i + 1}`}
            </Typography>
            <TextField
              size="small"
              label="Alt text (what the photo shows)"
              defaultValue={img.alt}
              disabled={!online}
              sx={{ flex: 1 }}
              onBlur={(e) => {
                const alt = e.target.value.trim();
                if (alt !== img.alt)
                  void act(() => backend.invoke('products.updateImage', { imageId: img.id, alt }));
              }}
            />
            <Tooltip title="Move up">
              <span>
                <IconButton
                  aria-label={`Move image ${i + 1} up`}
                  disabled={!online || i === 0}
                  onClick={() =>
                    void act(() =>
                      backend.invoke('products.updateImage', { imageId: img.id, position: i - 1 }),
                    )
                  }
                >
                  <ArrowUpward />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title="Move down">
              <span>
                <IconButton
                  aria-label={`Move image ${i + 1} down`}
                  disabled={!online || i === list.length - 1}
                  onClick={() =>
                    void act(() =>
                      backend.invoke('products.updateImage', { imageId: img.id, position: i + 1 }),
                    )
                  }
                >
                  <ArrowDownward />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title="Delete">
              <span>
                <IconButton
                  aria-label={`Delete image ${i + 1}`}
                  disabled={!online}
                  onClick={() => setDeleting(img)}
                >
                  <DeleteOutline />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        ))}
      </Stack>
      <Dialog open={Boolean(deleting)} onClose={() => setDeleting(null)} aria-labelledby="delete-image-title">
        <DialogTitle id="delete-image-title">
          Delete image {deleting ? list.indexOf(deleting) + 1 : ''} of {productName}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            “{deleting?.alt || 'No alt text'}” leaves the shop and its files are removed. The images after it
            move up.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(null)}>Keep it</Button>
          <Button
            variant="contained"
            color="error"
            onClick={() => {
              const img = deleting;
              setDeleting(null);
              if (img) void act(() => backend.invoke('products.deleteImage', { imageId: img.id }));
            }}
          >
            Delete image
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
