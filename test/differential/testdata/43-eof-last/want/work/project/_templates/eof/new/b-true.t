---
inject: true
to: true.txt
after: top
eof_last: true
---
true: newline added <%= "here" -%>
