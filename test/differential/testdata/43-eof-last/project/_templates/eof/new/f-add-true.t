---
to: out/add-eof-true.txt
eof_last: true
---
add ignores eof_last, no newline here