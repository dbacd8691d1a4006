// English: the auth namespace (changing one's password, the reset page, an administrator
// giving someone a new password).
export const authEn = {
  forgot: 'Forgot your password?',
  backToSignIn: 'Back to sign-in',
  /** The button beside a password field; pressed, the password shows as text. */
  password: { show: 'Show' },
  change: {
    title: 'Password',
    current: 'Current password',
    next: 'New password',
    hint: 'At least 10 characters. Your other sessions end when you change it.',
    submit: 'Change password',
    submitting: 'Changing…',
    done: 'Password changed. You stay signed in here; other devices are signed out.',
  },
  reset: {
    title: 'Reset your password',
    intro:
      'Enter the e-mail you sign in with. If it has an account, a link to set a new password is on its way.',
    email: 'E-mail',
    send: 'Send the link',
    sending: 'Sending…',
    sent: 'If {{email}} has an account, an e-mail with a link is on its way. The link works for an hour.',
    newTitle: 'Choose a new password',
    password: 'New password',
    hint: 'At least 10 characters.',
    save: 'Set the password',
    saving: 'Saving…',
    done: 'Your password is set, and every session of yours has ended. Sign in with the new one.',
  },
  /** An administrator gives someone a new password (Settings > People). */
  give: {
    action: 'Set password',
    actionFor: 'Set password: {{name}}',
    title: 'New password for {{name}}',
    intro:
      '{{name}} will be signed out everywhere, on every device, and signs in again with this password. Tell it to them where nobody else can read it.',
    password: 'New password',
    hint: 'At least 10 characters.',
    submit: 'Set password',
    submitting: 'Setting…',
    done: '{{name}} has a new password and was signed out everywhere.',
  },
};
