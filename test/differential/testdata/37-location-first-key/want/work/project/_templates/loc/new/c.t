---
inject: true
to: c.txt
skip_if: nothing-matches-this
append: true
at_line: 0
---
append listed before at_line -> appended
