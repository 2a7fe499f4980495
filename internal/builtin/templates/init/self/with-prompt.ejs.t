---
to: _templates/generator/with-prompt/hello.ejs.t
from: generator/with-prompt/hello.ejs.t
---
