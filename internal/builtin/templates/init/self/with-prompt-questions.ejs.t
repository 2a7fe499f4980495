---
to: _templates/generator/with-prompt/prompt.ejs.t
from: generator/with-prompt/prompt.ejs.t
---
