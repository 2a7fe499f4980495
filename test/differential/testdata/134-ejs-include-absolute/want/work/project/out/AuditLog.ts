// AuditLog for AuditLog, ===string
export const AuditLog = 1;
// end of audit-log undefined
