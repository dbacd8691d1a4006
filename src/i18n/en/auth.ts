// Signing in, in English: the password reset e-mail.
export const auth = {
  reset: {
    subject: 'Reset your Steward password',
    body: 'Hello {{name}},\n\nSomeone (we hope you) asked to reset the password of your Steward account. Choose a new one here:\n\n{{link}}\n\nThe link works once, until {{expires}}. If you did not ask for it, ignore this e-mail: your password stays as it is.',
  },
};
