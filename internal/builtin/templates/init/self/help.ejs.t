---
to: _templates/generator/help/index.ejs.t
from: generator/help/index.ejs.t
---
