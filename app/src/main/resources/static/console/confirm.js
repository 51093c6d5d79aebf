// A destructive command is sent only once the operator has seen what it will change and said why: the reason goes
// into the command, and so into the audit trail. Cancel, Escape or closing the dialog send nothing.
import { $ } from './dom.js';

/**
 * Shows the dialog; answers the reason given ('' where the command takes none: options.reason false), or null when
 * the operator backed out.
 */
export function confirmAction(title, consequences, options = {}) {
  const dialog = $('#confirm-action');
  const reason = $('#confirm-action-reason');
  const asksReason = options.reason !== false;
  reason.closest('.field').hidden = !asksReason;
  reason.disabled = !asksReason; // a hidden required field would block the confirmation
  $('#confirm-action-title').textContent = title;
  $('#confirm-action-changes').replaceChildren(...consequences);
  $('#confirm-action-go').textContent = options.confirm ?? title.replace(/^(\w+) (a|an|the) /, '$1 ');
  reason.value = '';
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm' ? reason.value.trim() : null),
      { once: true });
    dialog.showModal();
    (asksReason ? reason : $('#confirm-action-cancel')).focus();
  });
}

export function setUpConfirmation() {
  $('#confirm-action-cancel').addEventListener('click', () => $('#confirm-action').close('cancel'));
}
