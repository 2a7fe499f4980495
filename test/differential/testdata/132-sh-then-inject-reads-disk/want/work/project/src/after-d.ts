// into the copy audit

const v = 'new';
// appended for audit

