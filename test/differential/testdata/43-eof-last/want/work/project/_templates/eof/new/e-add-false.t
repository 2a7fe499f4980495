---
to: out/add-eof-false.txt
eof_last: false
---
add ignores eof_last
