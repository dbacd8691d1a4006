// Signing in, in English: the password reset e-mail, and what goes wrong signing in or managing
// people and API tokens (`problem`).
export const auth = {
  reset: {
    subject: 'Reset your Steward password',
    body: 'Hello {{name}},\n\nSomeone (we hope you) asked to reset the password of your Steward account. Choose a new one here:\n\n{{link}}\n\nThe link works once, until {{expires}}. If you did not ask for it, ignore this e-mail: your password stays as it is.',
  },
  problem: {
    tokenNotValid: 'The API token is not valid, or was revoked.',
    youAreGone: 'Your user no longer exists.',
    managerLoop: 'That would make a loop of managers.',
    emailTaken: 'A user with the e-mail {{email}} exists already.',
    noUser: 'No such user.',
    noUserWithEmail: 'No user has the e-mail {{email}}.',
    noToken: 'No such token.',
    resetLinkInvalid: 'This reset link is not valid any more: ask for a new one.',
    throttled_one: 'Too many failed sign-ins: wait {{count}} second before trying again.',
    throttled_other: 'Too many failed sign-ins: wait {{count}} seconds before trying again.',
    crossOrigin:
      'Changes made with a session cookie must come from Steward itself (Origin header).',
  },
  field: {
    timeZone: 'must be an IANA time zone such as Europe/Berlin',
    selfManager: 'a person cannot manage themself',
    reportsAlready: 'this person already reports, through others, to the user',
    scopeBeyond: 'you do not have "{{scope}}" yourself, so a token of yours cannot either',
    currentPassword: 'is not your current password',
    resetToken: 'altered, used or expired',
    passwordTooShort_one: 'must be at least {{count}} character',
    passwordTooShort_other: 'must be at least {{count}} characters',
  },
};
