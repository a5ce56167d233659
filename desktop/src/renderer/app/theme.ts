/**
 * The one theme: neutral greys, one accent (a deep teal, readable on white and on grey), 14 px
 * base type and compact density, because staff read dense lists all day.
 */
import { createTheme } from '@mui/material/styles';

export const accent = '#00696b';

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: accent, contrastText: '#ffffff' },
    secondary: { main: '#4b5563' },
    background: { default: '#f4f5f7', paper: '#ffffff' },
    text: { primary: '#1f2328', secondary: '#57606a' },
    divider: '#d8dee4',
    success: { main: '#1a7f37' },
    warning: { main: '#9a6700' },
    error: { main: '#cf222e' },
  },
  typography: {
    fontSize: 14,
    htmlFontSize: 16,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  shape: { borderRadius: 6 },
  spacing: 8,
  components: {
    MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiIconButton: { defaultProps: { size: 'small' } },
    MuiTable: { defaultProps: { size: 'small' } },
    MuiListItemButton: { defaultProps: { dense: true } },
    MuiPaper: { defaultProps: { variant: 'outlined' } },
    MuiTooltip: { defaultProps: { arrow: true } },
  },
});
