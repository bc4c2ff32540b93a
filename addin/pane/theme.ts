// The pane's shared look: calm public-service styling (DSFR-like « bleu France »), legible type, visible focus.
import { css } from 'lit';

export const theme = css`
  :host {
    --ctg-blue: #000091;
    --ctg-blue-hover: #1212ff;
    --ctg-blue-light: #e3e3fd;
    --ctg-text: #161616;
    --ctg-muted: #555;
    --ctg-border: #dddddd;
    --ctg-surface: #f6f6f6;
    --ctg-error: #ce0500;
    --ctg-error-bg: #ffe9e9;
    --ctg-warning: #b34000;
    --ctg-warning-bg: #fff4e3;
    --ctg-success: #18753c;
    --ctg-success-bg: #e6feda;
    --ctg-focus: #0a76f6;
    display: block;
    box-sizing: border-box;
    color: var(--ctg-text);
    font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Marianne', Arial, sans-serif;
  }
  *, *::before, *::after { box-sizing: inherit; }
  :focus-visible { outline: 2px solid var(--ctg-focus); outline-offset: 2px; }
  h2, h3 { margin: 0 0 8px; line-height: 1.3; }
  h2 { font-size: 16px; }
  h3 { font-size: 14px; }
  p { margin: 0 0 8px; }
  button { font: inherit; cursor: pointer; }
  button.primary, button.secondary {
    min-height: 36px;
    padding: 6px 16px;
    border-radius: 4px;
    font-weight: 600;
  }
  button.primary { background: var(--ctg-blue); color: #fff; border: 1px solid var(--ctg-blue); }
  button.primary:hover { background: var(--ctg-blue-hover); }
  button.secondary { background: #fff; color: var(--ctg-blue); border: 1px solid var(--ctg-blue); }
  button.secondary:hover { background: var(--ctg-blue-light); }
  button.link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--ctg-blue);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  label { display: block; font-weight: 500; margin-bottom: 4px; }
  input, select {
    display: block;
    width: 100%;
    min-height: 36px;
    padding: 6px 10px;
    font: inherit;
    color: inherit;
    background: #eee;
    border: 0;
    border-bottom: 2px solid #3a3a3a;
    border-radius: 4px 4px 0 0;
  }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-bottom-color: var(--ctg-error); }
  .field { margin-bottom: 14px; }
  .hint { display: block; color: var(--ctg-muted); font-size: 12px; font-weight: 400; margin-top: 2px; }
  .field-error { color: var(--ctg-error); font-size: 13px; margin-top: 4px; }
  .alert { border-left: 4px solid; padding: 8px 12px; margin: 0 0 12px; border-radius: 0 4px 4px 0; }
  .alert.error { border-color: var(--ctg-error); background: var(--ctg-error-bg); }
  .alert.warning { border-color: var(--ctg-warning); background: var(--ctg-warning-bg); }
  .alert.success { border-color: var(--ctg-success); background: var(--ctg-success-bg); }
  .alert.info { border-color: var(--ctg-blue); background: var(--ctg-blue-light); }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
