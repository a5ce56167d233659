/**
 * The line a scanner screen is working on, readable from a metre away (40 px), with the last
 * scan's verdict in words, a flash of colour and a sound: never colour alone.
 */
import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { type Cue, cues } from '../../lib/sounds.ts';

export interface Feedback {
  cue: Cue | null;
  /** The large line: what was scanned and what happened. */
  headline: string;
  detail?: string;
  /** Grows with every scan, so the same message twice still flashes and sounds. */
  seq: number;
}

const flashColour: Record<Cue, string> = { right: '#d7f5df', wrong: '#fbd5d8', done: '#d7f5df' };
const textColour: Record<Cue, string> = { right: '#1a7f37', wrong: '#a40e26', done: '#1a7f37' };
const prefix: Record<Cue, string> = { right: '✓ ', wrong: '✗ ', done: '✓ ' };

export function ScanFeedback({ feedback }: { feedback: Feedback }) {
  const [flash, setFlash] = useState<Cue | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq is the trigger (the same verdict twice still flashes)
  useEffect(() => {
    if (!feedback.cue) return;
    cues.play(feedback.cue);
    setFlash(feedback.cue);
    const t = setTimeout(() => setFlash(null), 450);
    return () => clearTimeout(t);
  }, [feedback.seq, feedback.cue]);
  return (
    <Box
      role={feedback.cue === 'wrong' ? 'alert' : 'status'}
      aria-live="assertive"
      data-testid="scan-feedback"
      data-cue={feedback.cue ?? 'none'}
      sx={{
        px: 2,
        py: 1.5,
        borderRadius: 1,
        border: '1px solid',
        borderColor: feedback.cue === 'wrong' ? 'error.main' : 'divider',
        bgcolor: flash ? flashColour[flash] : 'background.paper',
        transition: 'background-color 350ms ease-out',
        minHeight: 96,
      }}
    >
      <Typography
        sx={{
          fontSize: 40,
          fontWeight: 700,
          lineHeight: 1.15,
          color: feedback.cue ? textColour[feedback.cue] : 'text.primary',
        }}
      >
        {feedback.cue ? prefix[feedback.cue] : ''}
        {feedback.headline}
      </Typography>
      {feedback.detail && (
        <Typography sx={{ fontSize: 18, mt: 0.5 }} color="text.secondary">
          {feedback.detail}
        </Typography>
      )}
    </Box>
  );
}
