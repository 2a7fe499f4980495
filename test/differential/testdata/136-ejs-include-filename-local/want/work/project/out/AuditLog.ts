// AuditLog for AuditLog, ===string
