---
inject: true
to: a.txt
prepend: false
append: true
---
prepend:false listed first -> prepended
