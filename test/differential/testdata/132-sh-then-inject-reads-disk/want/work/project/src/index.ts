const v = 'new';
// appended for audit

