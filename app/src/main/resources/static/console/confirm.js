// A destructive command is sent only once the operator has seen what it will change and said why: the reason goes
// into the command, and so into the audit trail. Cancel, Escape or closing the dialog send nothing.
import { $ } from './dom.js';

/** Shows the dialog; answers the reason given, or null when the operator backed out. */
export function confirmAction(title, consequences) {
  const dialog = $('#confirm-action');
  const reason = $('#confirm-action-reason');
  $('#confirm-action-title').textContent = title;
  $('#confirm-action-changes').replaceChildren(...consequences);
  $('#confirm-action-go').textContent = title.replace(/^(\w+) (a|an|the) /, '$1 ');
  reason.value = '';
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm' ? reason.value.trim() : null),
      { once: true });
    dialog.showModal();
    reason.focus();
  });
}

export function setUpConfirmation() {
  $('#confirm-action-cancel').addEventListener('click', () => $('#confirm-action').close('cancel'));
}
