---
to: out/i.txt
---
i <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
