---
to: out.txt
---
<%- JSON.stringify([h.changeCase.swap(42), h.changeCase.swap(['a', 'B']), h.changeCase.swap([1, 'x', null]), h.changeCase.swap({ length: 2, 0: 'q' }), h.changeCase.swap(true), h.changeCase.swapCase('aB'), h.changeCase.swap({})]) %>
