// Copying an address or a citation, also where the clipboard API is missing: a page served over
// plain http (an office's intranet) has no navigator.clipboard. Then the text is put in a
// selected, read-only field and copied with execCommand('copy'); if even that fails, the field
// stays, selected, beside the button, and the reader is told to copy it themselves.

/** Copies text; false when the reader has to copy it by hand. */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission): try the older way.
    }
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.setAttribute('aria-hidden', 'true');
  field.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  document.body.append(field);
  const focused = document.activeElement as HTMLElement | null;
  field.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  focused?.focus();
  return copied;
}

/**
 * Copies text for a button: says “已复制” on it for two seconds, or, when nothing could copy,
 * shows the text selected in a read-only field after the button with `manual` as its label.
 */
export async function copyFor(button: HTMLButtonElement, text: string, done: string, manual: string): Promise<void> {
  const label = button.dataset.label ?? button.textContent ?? '';
  button.dataset.label = label;
  if (await copyText(text)) {
    button.textContent = done;
    setTimeout(() => (button.textContent = label), 2000);
    return;
  }
  let field = button.parentElement?.querySelector<HTMLInputElement>('input[data-copy-manual]');
  if (!field) {
    field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.dataset.copyManual = '';
    field.className = 'copy-manual';
    button.after(field);
  }
  field.value = text;
  field.setAttribute('aria-label', manual);
  field.title = manual;
  field.focus();
  field.select();
}
