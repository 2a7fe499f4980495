---
to: _templates/generator/new/hello.ejs.t
from: generator/new/hello.ejs.t
---
